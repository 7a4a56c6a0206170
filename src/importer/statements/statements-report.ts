// One edition's statements (the rows of one municipality and edition) → the report model a text report
// parses to (report-model.ts), so that a statements file goes through the same commands, absence rule,
// restatements and precedence as a text report. Measures and projects keep the order their first row
// has in the file, and so do each owner's indicators: that order is the order the ledger lists them in.
//
// What the statements file has no column for (a measure's 目的, 目標 and 実績 sentences, 創生総合戦略, a
// project's 事業概要 and 目的, the next steps) is stated as empty: a statements edition says only what its
// columns say.
import type { IndicatorKind } from '../../../events/vocabulary';
import { MEASURE_CODE, placementOf } from '../../domain/ids';
import { defaultDirection } from '../../domain/indicator';
import { fiscalYearLabel } from '../../domain/fiscal-year';
import { normalizeName } from '../normalize';
import { parseMeasureRef } from '../plan-refs';
import { parseBudgetAccount } from '../project-sheet';
import { formatPlace, ReportParseError } from '../report-errors';
import type { ParsedBudgetAccount, ParsedIndicator, ParsedMeasure, ParsedMeasureRef, ParsedProject, ParsedReport, ParsedValue } from '../report-model';
import type { StatementGroup } from './statement-groups';
import type { StatementColumn } from './statement-columns';
import { placeOf } from './statement-table';
import type { StatedCell, StatementRow } from './statement-row';

const BUDGET_EXAMPLE = '01一般会計・02総務費・01総務管理費・06企画費';
const NO_ACCOUNT: ParsedBudgetAccount = { code: '', fund: '', division: '', section: '', item: '' };

/** The line events cite: a CSV file's line, or a workbook row's number. */
export function lineOf(row: StatementRow): number {
  if (row.source.line !== null) return row.source.line;
  const digits = row.source.cell ? /\d+$/.exec(row.source.cell) : null;
  return digits ? Number(digits[0]) : 0;
}

const fail = (row: StatementRow, column: StatementColumn, expected: string, found: string): never => {
  throw new ReportParseError(placeOf(row.source), expected, found, row.source.file ?? undefined, column);
};

const where = (row: StatementRow): string => formatPlace(row.source.file ?? undefined, placeOf(row.source));

/** Rows in the order of the first row of each key. */
function groupBy(rows: readonly StatementRow[], key: (row: StatementRow) => string): StatementRow[][] {
  const groups = new Map<string, StatementRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.values()];
}

/**
 * What an owner's rows say about one of its fields: the first row that fills the cell says it, and a
 * row that says something else is refused (a sheet sorted by hand must not silently pick one).
 */
function agreed(rows: readonly StatementRow[], column: StatementColumn, read: (row: StatementRow) => string | null, what: string): string | null {
  let first: { row: StatementRow; value: string } | null = null;
  for (const row of rows) {
    const value = read(row);
    if (value === null) continue;
    if (first === null) first = { row, value };
    else if (value !== first.value) fail(row, column, `the ${what} ${where(first.row)} gives, ${JSON.stringify(first.value)}`, value);
  }
  return first?.value ?? null;
}

/**
 * An empty cell in a row that fills the other is "not applicable" (contract), and the ledger keeps a
 * not-applicable statement only with a text: it is recorded as the dash a report prints for it.
 */
const NOT_APPLICABLE = '―';
const statedText = (cell: StatedCell): { value: number | null; text: string } =>
  cell.value === null && cell.text === '' ? { value: null, text: NOT_APPLICABLE } : { value: cell.value, text: cell.text };

function indicatorOf(rows: readonly StatementRow[], warnings: string[]): ParsedIndicator {
  const [first] = rows;
  if (!first) throw new Error('an indicator of no rows');
  const kind: IndicatorKind = first.kind;
  const years = new Map<number, StatementRow>();
  const values: ParsedValue[] = [];
  for (const row of rows) {
    const earlier = years.get(row.fiscalYear);
    if (earlier) fail(row, 'fiscal_year', `one row per indicator, fiscal year and edition (${where(earlier)} states ${row.fiscalYear})`, String(row.fiscalYear));
    years.set(row.fiscalYear, row);
    const line = lineOf(row);
    if (row.target) values.push({ line, fiscalYear: row.fiscalYear, kind: 'TARGET', ...statedText(row.target) });
    if (row.actual) values.push({ line, fiscalYear: row.fiscalYear, kind: 'ACTUAL', ...statedText(row.actual) });
  }
  const units = [...new Set(rows.map((row) => row.unit).filter((unit): unit is string => unit !== null))];
  if (units.length > 1 && kind !== 'COST') warnings.push(`${where(first)}: ${first.owner} ${first.indicator} mixes units ${units.join(', ')}: ${units[0]} is kept`);
  const stated = rows.find((row) => row.direction !== null && row.direction !== defaultDirection(kind));
  if (stated?.direction) {
    warnings.push(`${where(stated)}: direction: the ledger derives an indicator's direction from its kind (${defaultDirection(kind)} for ${kind}); ${stated.direction} is not recorded`);
  }
  // COST values are read into 千円 whatever unit the file prints them in.
  const unit = kind === 'COST' ? '千円' : (units[0] ?? null);
  return { line: lineOf(first), kind, name: first.indicator, unit, values };
}

function indicatorsOf(rows: readonly StatementRow[], warnings: string[]): ParsedIndicator[] {
  return groupBy(rows, (row) => `${row.kind}\u0000${row.indicator}`).map((indicatorRows) => indicatorOf(indicatorRows, warnings));
}

function measureOf(rows: readonly StatementRow[], warnings: string[]): ParsedMeasure {
  const [first] = rows;
  if (!first) throw new Error('a measure of no rows');
  const code = first.owner;
  const { chapter, policy } = placementOf(code);
  const title = agreed(rows, 'owner_title', (r) => r.ownerTitle, '施策 title') ?? fail(first, 'owner_title', `the 施策 title of ${code} on a row of it in this edition`, '');
  return {
    line: lineOf(first),
    code,
    title: normalizeName(title),
    department: agreed(rows, 'department', (r) => r.department, 'department') ?? '',
    chapter: { number: chapter, title: agreed(rows, 'chapter_title', (r) => r.chapterTitle, 'chapter title') ?? '' },
    policy: { code: policy, title: agreed(rows, 'policy_title', (r) => r.policyTitle, 'policy title') ?? '' },
    strategies: [],
    purposes: [],
    goals: [],
    results: [],
    indicators: indicatorsOf(rows, warnings),
    gapReason: agreed(rows, 'reason', (r) => r.reason, 'reason'),
    nextSteps: null,
  };
}

/** A project's 施策: each a code, with its title unless this edition reports the measure's own sheet. */
function measureRefs(row: StatementRow, titles: ReadonlyMap<string, string>): ParsedMeasureRef[] {
  const refs: ParsedMeasureRef[] = [];
  for (const printed of row.measures) {
    const code = normalizeName(printed);
    const ref = parseMeasureRef(printed) ?? (MEASURE_CODE.test(code) ? { code, title: titles.get(code) ?? '' } : null);
    if (!ref) return fail(row, 'measures', 'measure codes separated by ;, each optionally followed by its title (5-2-1 地域自治活動の育成)', printed);
    if (ref.title === '') fail(row, 'measures', `${ref.code} followed by its title: this edition reports no 施策 ${ref.code} to take it from`, printed);
    if (!refs.some((known) => known.code === ref.code)) refs.push(ref);
  }
  return refs;
}

function projectOf(rows: readonly StatementRow[], titles: ReadonlyMap<string, string>, warnings: string[]): ParsedProject {
  const [first] = rows;
  if (!first) throw new Error('a project of no rows');
  const department = agreed(rows, 'department', (r) => r.department, 'department') ?? fail(first, 'department', `the department (所属) of ${first.owner} on a row of it`, '');
  const accountText = agreed(rows, 'budget_account', (r) => r.budgetAccount, 'budget account');
  const budgetAccount = accountText === null ? NO_ACCOUNT : (parseBudgetAccount(accountText) ?? fail(rows.find((r) => r.budgetAccount !== null) ?? first, 'budget_account', `a budget account like ${BUDGET_EXAMPLE}`, accountText));
  const linking = rows.filter((r) => r.measures.length > 0);
  agreed(linking, 'measures', (r) => r.measures.join('; '), 'measures');
  const [linked] = linking;
  return {
    line: lineOf(first),
    name: first.owner,
    department,
    budgetAccount,
    measures: linked ? measureRefs(linked, titles) : [],
    strategies: [],
    overview: null,
    purpose: null,
    indicators: indicatorsOf(rows, warnings),
    gapReason: agreed(rows, 'reason', (r) => r.reason, 'reason'),
    nextSteps: null,
  };
}

/** The report one (municipality, edition) group of a statements file states. */
export function statementsReport(group: StatementGroup): ParsedReport {
  const warnings: string[] = [];
  const measures = groupBy(group.rows.filter((r) => r.ownerType === 'measure'), (r) => r.owner).map((rows) => measureOf(rows, warnings));
  const titles = new Map(measures.map((m) => [m.code, m.title]));
  const projects = groupBy(group.rows.filter((r) => r.ownerType === 'project'), (r) => r.owner).map((rows) => projectOf(rows, titles, warnings));
  return { edition: group.edition, editionLabel: fiscalYearLabel(group.edition), measures, projects, warnings };
}
