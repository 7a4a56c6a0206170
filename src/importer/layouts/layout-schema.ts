// What a layout file may say, checked by zod before any sheet is read: every mistake in a layout is
// reported against the layout's own line, not discovered halfway through a workbook. The keys are the
// statements file's column names, so a layout reads as "this column of my sheet is that column of the
// statements file".
import { z } from 'zod';
import { columnNumber, parseAddress } from '../xlsx/cell-address';

const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

const COLUMN = z.string({ error: 'a column letter such as C' }).refine((letters) => columnNumber(letters) !== null, { error: 'a column letter such as C' });
const CELL = z.string({ error: 'a cell such as B2' }).refine((address) => parseAddress(address) !== null, { error: 'a cell such as B2' });
const PATTERN = z.string({ error: 'a regular expression' }).refine(compiles, { error: 'a regular expression JavaScript can compile' });
const TEXTS = z.array(z.string({ error: 'a word as printed' }), { error: 'a list of words as printed' }).min(1, { error: 'at least one word' });

/**
 * Where one field's text comes from: the same for every row (`fixed`), one cell of the sheet (`cell`),
 * or the row's cell in a column (`column`). `pattern` keeps what its first group matches (令和4年度 out of
 * 令和4年度 施策評価シート); `code` turns a printed code into a measure code, each of its groups a number
 * (05030301 with ^(\d{2})(\d{2})\d{2}(\d{2})$ → 5-3-1); `fill_down` repeats the last filled cell above,
 * for sheets that print a measure's code only on its first row.
 */
export const FieldSource = z
  .strictObject({
    fixed: z.union([z.string(), z.number()], { error: 'a word or a number' }).optional(),
    cell: CELL.optional(),
    column: COLUMN.optional(),
    pattern: PATTERN.optional(),
    code: PATTERN.optional(),
    fill_down: z.boolean({ error: 'true or false' }).optional(),
  })
  .refine((source) => [source.fixed, source.cell, source.column].filter((s) => s !== undefined).length === 1, {
    error: 'exactly one of fixed, cell or column',
  });
export type FieldSource = z.infer<typeof FieldSource>;

/** The statements file's columns a layout can fill, besides the values. */
export const FIELD_NAMES = [
  'municipality', 'edition', 'owner_type', 'owner', 'owner_title', 'department', 'policy_title', 'chapter_title',
  'measures', 'budget_account', 'indicator', 'kind', 'unit', 'direction', 'fiscal_year', 'reason', 'source',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];


const optionalSource = FieldSource.optional();
const Fields = z.strictObject({
  municipality: optionalSource,
  edition: optionalSource,
  owner_type: optionalSource,
  owner: optionalSource,
  owner_title: optionalSource,
  department: optionalSource,
  policy_title: optionalSource,
  chapter_title: optionalSource,
  measures: optionalSource,
  budget_account: optionalSource,
  indicator: optionalSource,
  kind: optionalSource,
  unit: optionalSource,
  direction: optionalSource,
  fiscal_year: optionalSource,
  reason: optionalSource,
  source: optionalSource,
});

const Labels = z.strictObject({ target: TEXTS.optional(), actual: TEXTS.optional(), rate: TEXTS.optional() });

/**
 * wide: one column per fiscal year and role, the header cells naming both (令和3年度 over 計画値, R3実績,
 * 令和2年度予算); long: one row per fiscal year, the year in the fiscal_year field. `stacked: cell` reads
 * a cell as the target over the actual ("17\n18", 上段目標/下段実績); `stacked: rows` reads two rows per
 * indicator, the target's above the actual's.
 */
const WideValues = z.strictObject({
  orientation: z.literal('wide'),
  columns: z.string({ error: 'a column range such as F:M' }).regex(/^[A-Z]{1,3}:[A-Z]{1,3}$/i, { error: 'a column range such as F:M' }),
  stacked: z.enum(['cell', 'rows'], { error: 'cell or rows' }).optional(),
  labels: Labels.optional(),
});
const LongValues = z.strictObject({
  orientation: z.literal('long'),
  target: COLUMN.optional(),
  actual: COLUMN.optional(),
  /** For `stacked: cell`: the one column holding the target over the actual. */
  value: COLUMN.optional(),
  rate: COLUMN.optional(),
  stacked: z.literal('cell', { error: 'cell (a long layout has one row per year)' }).optional(),
});

const Skip = z.strictObject({
  rows: z.array(z.number({ error: 'a row number' }).int().positive(), { error: 'a list of row numbers' }).optional(),
  columns: z.array(COLUMN, { error: 'a list of column letters' }).optional(),
  /** Rows whose cell in `column` matches: 小計, 合計, a repeated heading. */
  when: z.array(z.strictObject({ column: COLUMN, matches: PATTERN }), { error: 'a list of { column, matches }' }).optional(),
});

const Checks = z.strictObject({
  /** The printed 達成率 (the rate column or role) against actual ÷ target. */
  achievement_rate: z
    .strictObject({
      rounding: z.enum(['round', 'floor', 'ceil', 'any'], { error: 'round, floor, ceil or any' }).optional(),
      formula: z.enum(['actual_over_target', 'by_direction'], { error: 'actual_over_target or by_direction' }).optional(),
    })
    .optional(),
  /** An indicator that is the sum of others of the same owner, year and role (財源内訳, cost lines). */
  totals: z.array(z.strictObject({ total: z.string({ error: 'the total indicator name' }), parts: TEXTS }), { error: 'a list of { total, parts }' }).optional(),
});

export const LayoutSchema = z.strictObject({
  name: z.string({ error: 'the layout name' }).min(1),
  version: z.union([z.string(), z.number()], { error: 'a version such as 1 or 2024.1' }),
  description: z.string().optional(),
  /** A sheet's name, or its position from 1; the first sheet when absent (and for a CSV file). */
  sheet: z.union([z.string().min(1), z.number().int().positive()], { error: 'a sheet name or a position from 1' }).optional(),
  /** The rows holding the table's headings; the data starts below the last. */
  header_rows: z.strictObject({ from: z.number().int().positive(), to: z.number().int().positive() }, { error: '{ from: N, to: N }' }),
  /** The last data row, when something (notes, a signature) follows the table. */
  last_row: z.number({ error: 'a row number' }).int().positive().optional(),
  /** How a year cell or heading writes its year: any notation, or bare numbers (3, 3年度) in one era. */
  year_notation: z.enum(['any', 'reiwa', 'heisei', 'gregorian'], { error: 'any, reiwa, heisei or gregorian' }).optional(),
  fields: Fields,
  values: z.discriminatedUnion('orientation', [WideValues, LongValues], { error: 'orientation: wide or long' }),
  skip: Skip.optional(),
  checks: Checks.optional(),
});
export type Layout = z.infer<typeof LayoutSchema>;

// The compiler checks that the schema has a key for every field name.
const _everyField: Record<FieldName, unknown> = Fields.shape;
