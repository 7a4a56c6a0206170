// A project sheet (実施計画兼予算要求書) is one budgeted project: who runs it, which budget line pays for it,
// which measures it serves, and its goal state, activity indicators, cost and staffing per year.

import type { ParsedMeasureRef, ParsedBudgetAccount, ParsedProject } from './report-model';
import { isSupportedFiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '../domain/fiscal-year';
import { findEraYear } from './japanese-era';
import { normalizeName, toHalfWidth } from './normalize';
import { parseMeasureRef, splitMeasureRefs, splitStrategies } from './plan-refs';
import type { ParseContext, ReportLine } from './report-lines';
import { heading, joinText, type Section, type SectionSpec, splitSections } from './sections';
import { nextStepsHeading, reasonHeading, tableHeading } from './sheet-headings';
import { labelKey, parseHeader, parseTableRows, type RowLabel, type TableHeader } from './value-table';

type ProjectSection = 'heading' | 'overview' | 'purpose' | 'table' | 'reason' | 'nextSteps';

const TITLE = '実施計画兼予算要求書';

export function isProjectStart(line: ReportLine): string | null {
  return !line.row && new RegExp(`^(?:\\S*年度)?\\s*${TITLE}`).test(line.key) ? '' : null;
}

const SECTIONS: readonly SectionSpec<ProjectSection>[] = [
  { key: 'heading', label: `令和N年度 ${TITLE}`, match: isProjectStart, body: 'rows' },
  { key: 'overview', label: '事業概要', match: heading('事業概要'), body: 'text' },
  { key: 'purpose', label: '目的', match: heading('目的'), body: 'text' },
  { key: 'table', label: '区分 header row', match: tableHeading, body: 'rows' },
  { key: 'reason', label: '理由', match: reasonHeading, optional: true, body: 'text' },
  { key: 'nextSteps', label: '目標の実現に向けた今後の取組', match: nextStepsHeading, body: 'text' },
];

const COST: RowLabel = { kind: 'COST', name: '事業費', unit: '千円' };
const LABELS: ReadonlyMap<string, RowLabel> = new Map<string, RowLabel>([
  ['目標', { kind: 'GOAL_STATE' }],
  ['活動指標', { kind: 'ACTIVITY' }],
  ['事業費(千円)', COST],
  ['事業費', COST],
  ['従事人工', { kind: 'STAFFING', name: '従事人工', unit: '人工' }],
]);

const BUDGET_EXAMPLE = '01一般会計・02総務費・01総務管理費・06企画費';
const STRATEGY_KEY = '創生総合戦略';

export interface ParsedProjectSheet {
  project: ParsedProject;
  /** The year the heading names (令和3年度 → 2021): this sheet's claim about the report's edition. */
  edition: { fiscalYear: number; label: string; line: ReportLine };
  header: TableHeader;
}

export function parseProjectSheet(
  context: ParseContext,
  lines: readonly ReportLine[],
  next: ReportLine | undefined,
): ParsedProjectSheet {
  const sections = splitSections(context, lines, SECTIONS, next);
  const need = (key: ProjectSection): Section<ProjectSection> => {
    const section = sections.get(key);
    if (!section) throw new Error(`splitSections let required section ${key} through`);
    return section;
  };

  const title = need('heading');
  const era = findEraYear(title.heading.text);
  if (!era || era.index !== 0) context.fail(title.heading.number, `an era year like 令和3年度 before ${TITLE}`, title.heading.text);
  if (!isSupportedFiscalYear(era.year)) {
    context.fail(title.heading.number, `a fiscal year within ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}`, title.heading.text);
  }

  const [ownerLine, measureLine, extra] = title.body.filter((line) => !line.blank);
  const overview = need('overview');
  if (!ownerLine) context.fail(overview.heading.number, `所属⇥…⇥事業⇥… after ${TITLE}`, overview.heading.text);
  if (!measureLine) context.fail(overview.heading.number, '施策⇥… after the 所属 line', overview.heading.text);
  if (extra) context.fail(extra.number, '事業概要', extra.text);
  const owner = parseOwnerLine(context, ownerLine);
  const { measures, strategies } = parseMeasureLine(context, measureLine);

  const table = need('table');
  const header = parseHeader(context, table.heading);
  const reason = sections.get('reason');
  return {
    edition: { fiscalYear: era.year, label: era.label, line: title.heading },
    header,
    project: {
      line: title.heading.number,
      name: owner.name,
      department: owner.department,
      budgetAccount: owner.budgetAccount,
      measures,
      strategies,
      overview: joinText(overview.body),
      purpose: joinText(need('purpose').body),
      indicators: parseTableRows(context, header, table.body, LABELS),
      gapReason: reason ? joinText(reason.body) : null,
      nextSteps: joinText(need('nextSteps').body),
    },
  };
}

const OWNER_KEYS: Readonly<Record<string, 'department' | 'name' | 'budget'>> = {
  所属: 'department',
  事業: 'name',
  事業名: 'name',
  予算科目: 'budget',
};

function parseOwnerLine(
  context: ParseContext,
  line: ReportLine,
): { department: string; name: string; budgetAccount: ParsedBudgetAccount } {
  if (labelKey(line.cells[0] ?? '') !== '所属') context.fail(line.number, '所属⇥<department>⇥事業⇥<project>', line.text);
  const found: Partial<Record<'department' | 'name' | 'budget', string>> = {};
  for (let index = 0; index < line.cells.length; index++) {
    const cell = line.cells[index] ?? '';
    const field = Object.hasOwn(OWNER_KEYS, labelKey(cell)) ? OWNER_KEYS[labelKey(cell)] : undefined;
    const value = line.cells[index + 1];
    if (!field) {
      context.warn(line.number, `ignored cell ${JSON.stringify(cell)} in the 所属 line`);
      continue;
    }
    if (value === undefined || Object.hasOwn(OWNER_KEYS, labelKey(value))) context.fail(line.number, `a value after ${cell}`, value ?? '');
    found[field] = value;
    index++;
  }
  if (found.name === undefined) context.fail(line.number, '事業⇥<project name>', line.text);
  if (found.department === undefined) context.fail(line.number, '所属⇥<department>', line.text);
  if (found.budget === undefined) context.fail(line.number, `予算科目⇥${BUDGET_EXAMPLE}`, line.text);
  const budgetAccount = parseBudgetAccount(found.budget);
  if (!budgetAccount) context.fail(line.number, `a budget account like ${BUDGET_EXAMPLE}`, found.budget);
  return { department: normalizeName(found.department), name: normalizeName(found.name), budgetAccount };
}

/** "01一般会計・02総務費・01総務管理費・06企画費" → code 01-02-01-06 and the four names. */
export function parseBudgetAccount(text: string): ParsedBudgetAccount | null {
  const parts = text.split(/[・･]/).map((part) => part.trim());
  if (parts.length !== 4) return null;
  const numbers: string[] = [];
  const names: string[] = [];
  for (const part of parts) {
    const match = /^(\d+)\s*/.exec(toHalfWidth(part));
    const name = match ? normalizeName(part.slice(match[0].length)) : '';
    if (!match || name === '') return null;
    numbers.push(match[1] ?? '');
    names.push(name);
  }
  const [fund = '', division = '', section = '', item = ''] = names;
  return { code: numbers.join('-'), fund, division, section, item };
}

function parseMeasureLine(context: ParseContext, line: ReportLine): { measures: ParsedMeasureRef[]; strategies: string[] } {
  const [first, ...rest] = line.cells;
  if (labelKey(first ?? '') !== '施策') context.fail(line.number, '施策⇥<measure>', line.text);
  const split = rest.findIndex((cell) => labelKey(cell) === STRATEGY_KEY);
  const refCells = split < 0 ? rest : rest.slice(0, split);
  const strategyCells = split < 0 ? [] : rest.slice(split + 1);

  const measures: ParsedMeasureRef[] = [];
  for (const cell of refCells) {
    for (const piece of splitMeasureRefs(cell)) {
      const ref = parseMeasureRef(piece);
      if (!ref) context.fail(line.number, 'a measure code like N-N-N followed by its title', piece);
      if (measures.some((known) => known.code === ref.code)) {
        context.warn(line.number, `measure ${ref.code} is listed twice`);
      } else {
        measures.push(ref);
      }
    }
  }
  if (measures.length === 0) context.fail(line.number, 'a measure code like N-N-N followed by its title', line.text);

  const strategies = strategyCells.flatMap((cell) => splitStrategies(cell));
  for (const strategy of strategies) {
    if (!/^\d/.test(toHalfWidth(strategy))) {
      context.warn(line.number, `創生総合戦略 entry ${JSON.stringify(strategy)} does not start with its number`);
    }
  }
  return { measures, strategies };
}
