// A thousand and more seeded corruptions of the importer's inputs: statements CSV files, statements
// workbooks, and sheets read through the shipped layouts (with their layouts damaged too). Each must end
// in a clean ReportParseError whose message starts with the file and place, or in a valid read; never a
// TypeError or RangeError, never a hang. Pure: nothing is stored (the import adds "store unchanged").
import { isSupportedFiscalYear } from '../domain/fiscal-year';
import { pick, seeded } from '../cli/commands/generate/random';
import { readWithLayout } from './layouts/read-with-layout';
import { shippedLayout } from './layouts/shipped-layouts';
import { budgetSheet, planActualSheet, stackedSheet } from './layouts/testing/shipped-fixtures';
import { ReportParseError } from './report-errors';
import { readStatements } from './statements/read-statements';
import { readStatementsWorkbook } from './statements/read-statements-workbook';
import type { StatementRow } from './statements/statement-row';
import { buildWorkbook } from './testing/build-workbook';
import { BYTE_CORRUPTIONS, CSV_CORRUPTIONS, encodeSomehow, LAYOUT_CORRUPTIONS, type Random } from './testing/corruptions';
import { damagedSheet } from './testing/damaged-sheet';
import { STATEMENTS_HEADER as HEADER, STATEMENT_ROWS as ROWS } from './testing/statement-rows';

const SEED = 20_261_201;
const CASES = { csv: 450, workbook: 300, layout: 300 };
/** An importer call that has not settled by then is taken for a hang. */
const HANG_MS = 10_000;

const CSV = [HEADER, ...ROWS].join('\n');
const WORKBOOK_ROWS = [HEADER.split(','), ...ROWS.map((row) => row.replace(/"([^"]*)"/g, (_m, inner: string) => inner.replace(/,/g, '，')).split(','))];

type Outcome = { rows: readonly StatementRow[] } | { error: unknown };

async function settle(read: () => Promise<{ rows: readonly StatementRow[] }> | { rows: readonly StatementRow[] }): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return { rows: (await Promise.race([Promise.resolve().then(read), hang])).rows };
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}

const validNumber = (value: number | null): boolean => value === null || Number.isFinite(value);

/** What is wrong with an outcome, or null: a ReportParseError at a place in one of `files`, or rows that hold. */
function problemWith(outcome: Outcome, files: readonly string[]): string | null {
  if ('error' in outcome) {
    const { error } = outcome;
    if (!(error instanceof ReportParseError)) return `threw ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}`;
    const place = new RegExp(`^(?:${files.map((f) => f.replace(/\./g, '\\.')).join('|')})(?::\\S*)?: `);
    return place.test(error.message) ? null : `a message without its file and place: ${error.message.slice(0, 300)}`;
  }
  const bad = outcome.rows.find(
    (row) => !isSupportedFiscalYear(row.fiscalYear) || !isSupportedFiscalYear(row.edition) || !validNumber(row.target?.value ?? null) || !validNumber(row.actual?.value ?? null) || row.indicator === '',
  );
  return bad ? `read a row that does not hold: ${JSON.stringify({ ...bad, municipality: bad.municipality.code, reason: null, ownerTitle: null })}` : null;
}

async function fuzz(count: number, seed: number, makeCase: (random: Random) => Promise<{ name: string; files: readonly string[]; read: () => Promise<{ rows: readonly StatementRow[] }> | { rows: readonly StatementRow[] } }>) {
  const random = seeded(seed);
  const problems: string[] = [];
  let reads = 0;
  for (let n = 0; n < count; n++) {
    const testCase = await makeCase(random);
    const outcome = await settle(testCase.read);
    if ('rows' in outcome) reads++;
    const problem = problemWith(outcome, testCase.files);
    if (problem) problems.push(`case ${n} (${testCase.name}): ${problem}`);
  }
  return { problems, reads };
}

describe('importer fuzz (seeded)', () => {
  it(`reads ${CASES.csv} corrupted statements CSV files cleanly or refuses them at a place`, async () => {
    const { problems, reads } = await fuzz(CASES.csv, SEED, async (random) => {
      const textDamage = pick(random, CSV_CORRUPTIONS);
      const byteDamage = random() < 0.3 ? pick(random, BYTE_CORRUPTIONS) : null;
      const encoded = encodeSomehow(textDamage.apply(CSV, random), random);
      const bytes = byteDamage ? byteDamage.apply(encoded, random) : encoded;
      return { name: [textDamage.name, byteDamage?.name].filter(Boolean).join(' + '), files: ['s.csv'], read: () => readStatements(bytes, 's.csv') };
    });
    expect(problems).toEqual([]);
    // The corruptions leave some files readable: the fuzz exercises both outcomes.
    expect(reads).toBeGreaterThan(10);
  }, 120_000);

  it(`reads ${CASES.workbook} corrupted statements workbooks cleanly or refuses them at a place`, async () => {
    const base = await buildWorkbook([{ name: 'Sheet1', rows: WORKBOOK_ROWS }]);
    const { problems, reads } = await fuzz(CASES.workbook, SEED + 1, async (random) => {
      if (random() < 0.35) {
        const damage = pick(random, BYTE_CORRUPTIONS);
        const bytes = damage.apply(base, random);
        return { name: damage.name, files: ['s.xlsx'], read: () => readStatementsWorkbook(bytes, 's.xlsx') };
      }
      const spec = damagedSheet({ name: 'Sheet1', rows: WORKBOOK_ROWS }, random, WORKBOOK_ROWS.length, 14);
      const bytes = await buildWorkbook(random() < 0.1 ? [{ name: 'empty', rows: [] }, spec] : [spec]);
      return { name: `cells ${JSON.stringify(spec.cells).slice(0, 120)} merges ${spec.merges?.join(' ') ?? ''}`, files: ['s.xlsx'], read: () => readStatementsWorkbook(bytes, 's.xlsx') };
    });
    expect(problems).toEqual([]);
    expect(reads).toBeGreaterThan(10);
  }, 120_000);

  it(`reads ${CASES.layout} corrupted sheets and layouts cleanly or refuses them at a place`, async () => {
    const shapes = [
      { layout: 'plan-actual-wide-yen', sheet: planActualSheet(), size: [10, 16] },
      { layout: 'stacked-target-actual', sheet: stackedSheet(), size: [6, 9] },
      { layout: 'budget-settlement-manyen', sheet: budgetSheet(), size: [9, 8] },
    ] as const;
    const { problems, reads } = await fuzz(CASES.layout, SEED + 2, async (random) => {
      const shape = pick(random, shapes);
      const text = shippedLayout(shape.layout)?.text ?? '';
      const roll = random();
      const layoutDamage = roll < 0.35 ? pick(random, LAYOUT_CORRUPTIONS) : null;
      const spec = roll >= 0.35 ? damagedSheet(shape.sheet, random, shape.size[0], shape.size[1]) : shape.sheet;
      let bytes = await buildWorkbook([spec]);
      const byteDamage = roll > 0.9 ? pick(random, BYTE_CORRUPTIONS) : null;
      if (byteDamage) bytes = byteDamage.apply(bytes, random);
      const layoutText = layoutDamage ? layoutDamage.apply(text, random) : text;
      return {
        name: `${shape.layout}: ${layoutDamage?.name ?? ''} ${byteDamage?.name ?? ''} ${JSON.stringify(spec.cells ?? {}).slice(0, 120)}`,
        files: ['data.xlsx', 'layout.yaml'],
        read: () => readWithLayout(bytes, 'data.xlsx', layoutText, 'layout.yaml', { municipality: '062073', edition: 'R3' }),
      };
    });
    expect(problems).toEqual([]);
    expect(reads).toBeGreaterThan(10);
  }, 180_000);
});
