// A layout file → a checked Layout. Three stages, each naming the layout's line on failure: the text
// parses (YAML or JSON), it has the layout's shape (zod), and its parts agree with each other (a long
// layout has a fiscal_year field, a fixed kind is a kind …).
import type { z } from 'zod';
import { resolveMunicipality } from '../../domain/municipalities/municipality-table';
import { DomainError } from '../../domain/domain-error';
import { ReportParseError } from '../report-errors';
import { DIRECTIONS, KINDS, OWNER_TYPES } from '../statements/statement-columns';
import { columnNumber } from '../xlsx/cell-address';
import { LayoutSchema, type FieldName, type Layout } from './layout-schema';
import { readLayoutText, type LayoutText } from './layout-text';
import { readYear } from './year-notation';

type Path = readonly PropertyKey[];

function valueAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = Object.getOwnPropertyDescriptor(at, key)?.value;
  }
  return at;
}

const shown = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value) ?? '').slice(0, 200);

const TYPE_WORDS: Readonly<Record<string, string>> = { object: 'a mapping of keys to values', array: 'a list', string: 'a word', number: 'a number', boolean: 'true or false' };

/** zod's first complaint, said the way every importer error is: where, what was expected, what was found. */
function schemaError(issue: z.core.$ZodIssue, text: LayoutText, file: string): ReportParseError {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const path = [...issue.path, key];
    return new ReportParseError(text.lineOf(path), 'only the keys a layout knows here (a misspelt key?)', key, file, issue.path.join('.') || undefined);
  }
  const typeName = /^Invalid input: expected (\w+), received \w+$/.exec(issue.message)?.[1];
  const expected = typeName !== undefined ? (TYPE_WORDS[typeName] ?? `a ${typeName}`) : issue.message === 'Invalid input' ? 'a value of the layout format' : issue.message;
  return new ReportParseError(text.lineOf(issue.path), expected, shown(valueAt(text.value, issue.path)), file, issue.path.join('.'));
}

const REQUIRED_FIELDS: readonly FieldName[] = ['owner_type', 'owner', 'indicator', 'kind'];
type EnumeratedField = 'owner_type' | 'kind' | 'direction';
const ENUMERATED: Record<EnumeratedField, { words: Readonly<Record<string, unknown>>; expected: string }> = {
  owner_type: { words: OWNER_TYPES, expected: 'measure or project (施策 or 事業)' },
  kind: { words: KINDS, expected: 'OUTCOME, ACTIVITY, GOAL_STATE, COST or STAFFING (成果指標, 活動指標, 目標, 事業費, 従事人工)' },
  direction: { words: DIRECTIONS, expected: 'HIGHER_IS_BETTER, LOWER_IS_BETTER or NONE (上昇, 低下, ―)' },
};

/** The checks zod cannot make: fields that depend on each other, and fixed words the reader would refuse later. */
function checkParts(layout: Layout, fail: (path: Path, expected: string, found: unknown) => never): void {
  if (layout.header_rows.from > layout.header_rows.to) fail(['header_rows'], 'from at most to', layout.header_rows);
  if (layout.last_row !== undefined && layout.last_row <= layout.header_rows.to) fail(['last_row'], 'a row below the header rows', layout.last_row);
  for (const field of REQUIRED_FIELDS) if (!layout.fields[field]) fail(['fields'], `a source for ${field}`, Object.keys(layout.fields).join(', '));
  for (const [field, source] of Object.entries(layout.fields)) {
    if (source?.code !== undefined && field !== 'owner' && field !== 'measures') fail(['fields', field, 'code'], 'code only on owner or measures', source.code);
  }
  for (const field of ['owner_type', 'kind', 'direction'] as const) {
    const fixed = layout.fields[field]?.fixed;
    if (fixed !== undefined && !Object.hasOwn(ENUMERATED[field].words, String(fixed))) fail(['fields', field, 'fixed'], ENUMERATED[field].expected, fixed);
  }
  const edition = layout.fields.edition?.fixed;
  if (edition !== undefined) {
    const reading = readYear(String(edition), layout.year_notation ?? 'any');
    if ('problem' in reading) fail(['fields', 'edition', 'fixed'], reading.problem, edition);
  }
  const municipality = layout.fields.municipality?.fixed;
  if (municipality !== undefined) {
    try {
      resolveMunicipality(String(municipality));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      fail(['fields', 'municipality', 'fixed'], error.message, municipality);
    }
  }
  const values = layout.values;
  if (values.orientation === 'wide') {
    const [from, to] = values.columns.split(':').map((letters) => columnNumber(letters) ?? 0);
    if ((from ?? 0) > (to ?? 0)) fail(['values', 'columns'], 'a range from left to right', values.columns);
    if (layout.fields.fiscal_year) fail(['fields', 'fiscal_year'], 'no fiscal_year field in a wide layout: its headings give the years', layout.fields.fiscal_year);
  } else {
    if (!layout.fields.fiscal_year) fail(['fields'], 'a source for fiscal_year (a long layout has one row per year)', Object.keys(layout.fields).join(', '));
    if (values.stacked === 'cell' ? values.value === undefined : values.target === undefined && values.actual === undefined) {
      fail(['values'], values.stacked === 'cell' ? 'the value column holding the target over the actual' : 'a target or an actual column', values);
    }
  }
}

export function parseLayout(text: string, file: string): Layout {
  const tree = readLayoutText(text, file);
  const parsed = LayoutSchema.safeParse(tree.value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw issue ? schemaError(issue, tree, file) : new ReportParseError(1, 'a layout', shown(tree.value), file);
  }
  checkParts(parsed.data, (path, expected, found) => {
    throw new ReportParseError(tree.lineOf(path), expected, shown(found), file, path.join('.'));
  });
  return parsed.data;
}
