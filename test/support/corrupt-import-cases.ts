// The damaged files the store-level import fuzz (test/corrupt-imports.int.test.ts) feeds the real import
// path: statements CSV (UTF-8, Shift_JIS, and encodings it is not), statements workbooks built with
// exceljs, and sheets in the shapes of the shipped layouts. Each case is the bytes to write, the name to
// give them, and the import's options; the damage is named so a failure reproduces from seed and case.
import iconv from 'iconv-lite';
import type { CellValue } from 'exceljs';
import type { ImportCommandOptions } from '../../src/cli/commands/import';
import { shippedLayout } from '../../src/importer/layouts/shipped-layouts';
import { budgetSheet, planActualSheet, stackedSheet } from '../../src/importer/layouts/testing/shipped-fixtures';
import { buildWorkbook, type SheetSpec } from '../../src/importer/testing/build-workbook';
import { BYTE_CORRUPTIONS, CSV_CORRUPTIONS, encodeSomehow, LAYOUT_CORRUPTIONS, type Corruption, type Random } from '../../src/importer/testing/corruptions';
import { damagedSheet } from '../../src/importer/testing/damaged-sheet';
import { cellAddress } from '../../src/importer/xlsx/cell-address';
import { pickFrom } from './reliability';

export interface ImportCase {
  /** What was done to the file, to reproduce a failure. */
  damage: string;
  /** The file's name, with its extension (the importer tells a workbook by its bytes, people by the name). */
  name: string;
  bytes: Uint8Array;
  /** A damaged layout to write beside the file and import it through; otherwise `options.layout` is a shipped name. */
  layout?: { name: string; text: string };
  options: Omit<ImportCommandOptions, 'dryRun'>;
}

const int = (random: Random, below: number): number => Math.floor(random() * below);

/** 上山市 is 06207 with check digit 3: each of these is a code of no municipality. */
const WRONG_CHECK_DIGITS = ['062070', '062071', '062072', '062074', '062079'];
/** What a cell may hold that no value is: absurd numbers, dates that are none, formulas. */
const ABSURD_VALUES = ['1e309', '-1e309', '10^20', '100000000000000000000', '1.7976931348623157e309', '=SUM(A1:A9)', '=1/0', '2022-02-30', '令和4年2月30日', 'R4.13.01'];
const INVALID_YEARS = ['2022-02-30', '令和0年度', 'R99', '平成31年度', '1868', '9999', '２０２２年度', '令和4年2月30日', '=2021+1'];

// One 062073 report of 令和4年度 (2022): an edition the store's sample (令和3年度) does not hold, so a
// clean import adds an edition and restates what the sample said, as a municipality's next file would.
const HEADER = ['municipality', 'edition', 'owner_type', 'owner', 'owner_title', 'department', 'measures', 'budget_account', 'indicator', 'kind', 'unit', 'fiscal_year', 'target', 'actual', 'reason'];
const ROWS: readonly (readonly string[])[] = [
  ['062073', '令和4年度', 'measure', '5-1-1', '多様な担い手が参画するまちづくりの推進', '市政戦略課', '', '', 'NPO法人数', '成果指標', '団体', '2021', '17 団体', '17 団体', ''],
  ['062073', 'R4', 'measure', '5-1-1', '', '', '', '', 'NPO法人数', 'OUTCOME', '団体', '2022', '18 団体', '18 団体', ''],
  ['上山市', '2022', '事業', '地域おこし協力隊推進事業費', '', '市政戦略課', '5-1-1 多様な担い手が参画するまちづくりの推進', '01一般会計・02総務費・01総務管理費・06企画費', '事業費', 'COST', '千円', '2022', '6,160', '280', '隊員の退任により\n減額'],
  ['062073', 'R4', 'project', '地域おこし協力隊推進事業費', '', '', '', '', '従事人工', 'STAFFING', '人工', '2022', '0.8', '0.1(見込)', ''],
  ['062073', 'R4', 'project', '国際交流推進費', '', '市政戦略課', '5-1-1', '', '事業費', '事業費', '円', '2022', '5,923,000', '―', ''],
];
const COLUMN = (name: string): number => HEADER.indexOf(name);
const VALUE_COLUMNS = ['target', 'actual'].map(COLUMN);

const quoted = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csvText = (rows: readonly (readonly string[])[]): string => [HEADER, ...rows].map((row) => row.map(quoted).join(',')).join('\r\n');

/** Rows with one cell replaced: damage aimed at the columns that carry meaning, not at random text. */
function withCell(rows: readonly (readonly string[])[], random: Random, column: number, value: string): string[][] {
  const copy = rows.map((row) => [...row]);
  const row = copy[int(random, copy.length)];
  if (row) row[column] = value;
  return copy;
}

const AIMED: readonly { name: string; rows: (random: Random) => string[][] }[] = [
  { name: 'a municipality code with a wrong check digit', rows: (r) => withCell(ROWS, r, COLUMN('municipality'), pickFrom(r, WRONG_CHECK_DIGITS)) },
  { name: 'an absurd value', rows: (r) => withCell(ROWS, r, pickFrom(r, VALUE_COLUMNS), pickFrom(r, ABSURD_VALUES)) },
  { name: 'an invalid fiscal year', rows: (r) => withCell(ROWS, r, COLUMN('fiscal_year'), pickFrom(r, INVALID_YEARS)) },
  { name: 'an invalid edition', rows: (r) => withCell(ROWS, r, COLUMN('edition'), pickFrom(r, INVALID_YEARS)) },
  { name: 'a formula', rows: (r) => withCell(ROWS, r, int(r, HEADER.length), pickFrom(r, ['=1+1', '=HYPERLINK("http://x")', '@SUM(A1)', '+cmd|"/c calc"!A0'])) },
];

/** A statements CSV: damage aimed at a column, or the importer fuzz's text damage; then an encoding, and maybe byte damage. */
export function csvCase(random: Random, n: number): ImportCase {
  const aimed = random() < 0.4 ? pickFrom(random, AIMED) : null;
  const text: Corruption<string> | null = aimed ? null : pickFrom(random, CSV_CORRUPTIONS);
  const clean = csvText(aimed ? aimed.rows(random) : ROWS);
  const damaged = text ? text.apply(clean, random) : clean;
  // Half in UTF-8 or Shift_JIS (what the contract accepts), half in whatever encodeSomehow picks.
  const encoded = random() < 0.5 ? (random() < 0.5 ? Buffer.from(damaged, 'utf8') : iconv.encode(damaged, 'cp932')) : encodeSomehow(damaged, random);
  const bytes = random() < 0.2 ? pickFrom(random, BYTE_CORRUPTIONS) : null;
  return {
    damage: [aimed?.name, text?.name, bytes?.name].filter(Boolean).join(' + '),
    name: `statements-${n}.csv`,
    bytes: bytes ? bytes.apply(encoded, random) : encoded,
    options: { municipality: '062073' },
  };
}

/** A workbook's cells hold numbers and dates as well as text: '6,160' stays text, as Excel keeps it. */
const WORKBOOK_ROWS: readonly (readonly CellValue[])[] = [HEADER, ...ROWS];

/** Cells of the statements sheet aimed at: a wrong check digit, absurd numbers (as numbers), bad dates, formulas. */
function aimedCells(random: Random): { name: string; cells: Record<string, CellValue> } {
  const row = 2 + int(random, ROWS.length);
  const at = (column: string): string => cellAddress(row, COLUMN(column) + 1);
  return pickFrom(random, [
    () => ({ name: 'a municipality code with a wrong check digit', cells: { [at('municipality')]: pickFrom(random, WRONG_CHECK_DIGITS) } }),
    () => ({ name: 'an absurd value', cells: { [at(pickFrom(random, ['target', 'actual']))]: pickFrom<CellValue>(random, [1e308 * 10, 1e20, -1e21, Number.NaN, ...ABSURD_VALUES]) } }),
    () => ({ name: 'an invalid fiscal year', cells: { [at('fiscal_year')]: pickFrom<CellValue>(random, [new Date(Date.UTC(2022, 1, 30)), new Date(Number.NaN), 1e20, ...INVALID_YEARS]) } }),
    () => ({ name: 'a formula', cells: { [at('target')]: { formula: 'M2*2', result: pickFrom<CellValue>(random, [1e21, 'x', 12]) } as CellValue } }),
  ])();
}

/** A statements workbook: bytes damaged, or cells (aimed or nasty), merges and swapped columns. */
export async function workbookCase(random: Random, n: number): Promise<ImportCase> {
  const name = `statements-${n}.xlsx`;
  const sheet: SheetSpec = { name: 'Sheet1', rows: WORKBOOK_ROWS };
  if (random() < 0.25) {
    const damage = pickFrom(random, BYTE_CORRUPTIONS);
    return { damage: damage.name, name, bytes: damage.apply(await buildWorkbook([sheet]), random), options: { municipality: '062073' } };
  }
  const aimed = random() < 0.4 ? aimedCells(random) : null;
  const spec = aimed ? { ...sheet, cells: aimed.cells } : damagedSheet(sheet, random, WORKBOOK_ROWS.length, HEADER.length);
  return {
    damage: `${aimed ? `${aimed.name}: ` : ''}cells ${JSON.stringify(spec.cells).slice(0, 160)} merges ${spec.merges?.join(' ') ?? ''}`,
    name,
    bytes: await buildWorkbook([spec]),
    options: { municipality: '062073' },
  };
}

const SHAPES = [
  { layout: 'plan-actual-wide-yen', sheet: planActualSheet, size: [10, 16], municipalityCell: 'B2' },
  { layout: 'stacked-target-actual', sheet: stackedSheet, size: [6, 9], municipalityCell: null },
  { layout: 'budget-settlement-manyen', sheet: budgetSheet, size: [9, 8], municipalityCell: null },
] as const;

/** A sheet in a shipped layout's shape, damaged; now and then the layout too (imported as a file of its own). */
export async function layoutCase(random: Random, n: number): Promise<ImportCase> {
  const shape = pickFrom(random, SHAPES);
  const name = `sheet-${n}.xlsx`;
  const roll = random();
  let spec: SheetSpec = shape.sheet();
  let damage: string;
  if (roll < 0.15 && shape.municipalityCell) {
    spec = shape.sheet({ [shape.municipalityCell]: pickFrom(random, WRONG_CHECK_DIGITS) });
    damage = 'a municipality code with a wrong check digit';
  } else if (roll < 0.8) {
    spec = damagedSheet(spec, random, shape.size[0], shape.size[1]);
    damage = `cells ${JSON.stringify(spec.cells ?? {}).slice(0, 160)} merges ${spec.merges?.join(' ') ?? ''}`;
  } else {
    damage = 'the layout';
  }
  let bytes = await buildWorkbook([spec]);
  if (roll >= 0.95) {
    const byteDamage = pickFrom(random, BYTE_CORRUPTIONS);
    bytes = byteDamage.apply(bytes, random);
    damage += ` + ${byteDamage.name}`;
  }
  const options = { municipality: '062073', edition: 'R3' };
  if (damage === 'the layout') {
    const layoutDamage = pickFrom(random, LAYOUT_CORRUPTIONS);
    const text = layoutDamage.apply(shippedLayout(shape.layout)?.text ?? '', random);
    return { damage: `${shape.layout}: layout ${layoutDamage.name}`, name, bytes, layout: { name: `layout-${n}.yaml`, text }, options };
  }
  return { damage: `${shape.layout}: ${damage}`, name, bytes, options: { ...options, layout: shape.layout } };
}
