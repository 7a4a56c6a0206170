// A measure sheet (施策) states where the measure sits in the plan, what it is for, its goals, what was done,
// and the outcome indicators (目標値) with their targets and actuals.

import type { ParsedGoal, ParsedMeasure } from './report-model';
import { normalizeName, toHalfWidth } from './normalize';
import { parseChapter, parseMeasureRef, parsePolicy, splitStrategies } from './plan-refs';
import type { ParseContext, ReportLine } from './report-lines';
import { heading, joinText, paragraphs, type Section, type SectionSpec, splitSections } from './sections';
import { nextStepsHeading, reasonHeading, tableHeading } from './sheet-headings';
import { parseHeader, parseTableRows, type RowLabel, type TableHeader } from './value-table';

type MeasureSection =
  | 'department'
  | 'plan'
  | 'measure'
  | 'strategies'
  | 'purposes'
  | 'goals'
  | 'results'
  | 'table'
  | 'reason'
  | 'nextSteps';

export const isMeasureStart = heading('所属', { inline: true });

const SECTIONS: readonly SectionSpec<MeasureSection>[] = [
  { key: 'department', label: '所属', match: isMeasureStart, body: 'text' },
  { key: 'plan', label: '振興計画', match: heading('振興計画', { inline: true }), body: 'text' },
  { key: 'measure', label: '施策', match: heading('施策', { inline: true }), body: 'text' },
  {
    key: 'strategies',
    label: '創生総合戦略',
    match: heading('創生総合戦略', { inline: true }),
    optional: true,
    body: 'text',
  },
  { key: 'purposes', label: '目的', match: heading('目的'), body: 'text' },
  { key: 'goals', label: '目標', match: heading('目標'), body: 'text' },
  { key: 'results', label: '実績', match: heading('実績'), body: 'text' },
  { key: 'table', label: '区分 header row', match: tableHeading, body: 'rows' },
  { key: 'reason', label: '理由', match: reasonHeading, optional: true, body: 'text' },
  { key: 'nextSteps', label: '目標の実現に向けた今後の取組', match: nextStepsHeading, body: 'text' },
];

const LABELS: ReadonlyMap<string, RowLabel> = new Map([['目標値', { kind: 'OUTCOME' }]]);

// "- " bullets and "1 " numbering are layout, not content.
const BULLET = /^[-・•]\s*/;
const NUMBERED = /^(?:[-・•]\s*)?(\d+)\s+(?=\S)/;

export interface ParsedMeasureSheet {
  measure: ParsedMeasure;
  header: TableHeader;
}

export function parseMeasureSheet(
  context: ParseContext,
  lines: readonly ReportLine[],
  next: ReportLine | undefined,
): ParsedMeasureSheet {
  const sections = splitSections(context, lines, SECTIONS, next);
  const get = (key: MeasureSection): Section<MeasureSection> | undefined => sections.get(key);
  const need = (key: MeasureSection): Section<MeasureSection> => {
    const section = get(key);
    if (!section) throw new Error(`splitSections let required section ${key} through`);
    return section;
  };

  const department = singleLine(context, need('department'), 'the department after 所属');
  const { chapter, policy } = parsePlan(context, need('plan'));
  const measureLine = singleLine(context, need('measure'), 'a measure like 5-1-1 <title> after 施策');
  const ref = parseMeasureRef(measureLine.text);
  if (!ref) context.fail(measureLine.number, 'a measure code like N-N-N followed by its title', measureLine.text);
  if (!ref.code.startsWith(`${policy.code}-`)) {
    context.fail(measureLine.number, `a measure of policy ${policy.code}`, measureLine.text);
  }

  const goals = parseGoals(context, need('goals'));
  const table = need('table');
  const header = parseHeader(context, table.heading);
  const strategies = get('strategies');
  const reason = get('reason');

  return {
    header,
    measure: {
      line: need('department').heading.number,
      code: ref.code,
      title: ref.title,
      department: normalizeName(department.text),
      chapter,
      policy,
      strategies: strategies ? parseStrategyLines(strategies) : [],
      purposes: parsePurposes(need('purposes')),
      goals,
      results: parseResults(context, need('results'), goals),
      indicators: parseTableRows(context, header, table.body, LABELS),
      gapReason: reason ? joinText(reason.body) : null,
      nextSteps: joinText(need('nextSteps').body),
    },
  };
}

function contentLines(section: Section<string>): { number: number; text: string }[] {
  const lines = section.body.filter((line) => !line.blank).map(({ number, text }) => ({ number, text }));
  if (section.inline !== '') lines.unshift({ number: section.heading.number, text: section.inline });
  return lines;
}

function singleLine(context: ParseContext, section: Section<string>, expected: string): { number: number; text: string } {
  const [first, second] = contentLines(section);
  if (!first) context.fail(section.heading.number, expected, section.heading.text);
  if (second) context.fail(second.number, `only ${expected}`, second.text);
  return first;
}

function parsePlan(context: ParseContext, section: Section<string>): Pick<ParsedMeasure, 'chapter' | 'policy'> {
  let chapter: ParsedMeasure['chapter'] | undefined;
  let policy: ParsedMeasure['policy'] | undefined;
  for (const line of contentLines(section)) {
    const asChapter = chapter ? null : parseChapter(line.text);
    const asPolicy = asChapter || policy ? null : parsePolicy(line.text);
    if (asChapter) chapter = asChapter;
    else if (asPolicy) {
      if (!chapter) context.fail(line.number, 'a chapter like 第5章 <title> before the policy', line.text);
      if (!asPolicy.code.startsWith(`${chapter.number}-`)) {
        context.fail(line.number, `a policy of chapter ${chapter.number}`, line.text);
      }
      policy = asPolicy;
    } else {
      context.fail(line.number, chapter ? 'a policy like 5-1 <title>' : 'a chapter like 第5章 <title>', line.text);
    }
  }
  if (!chapter) context.fail(section.heading.number, 'a chapter like 第5章 <title> after 振興計画', section.heading.text);
  if (!policy) context.fail(section.heading.number, 'a policy like 5-1 <title> after the chapter', section.heading.text);
  return { chapter, policy };
}

function parseStrategyLines(section: Section<string>): string[] {
  return contentLines(section).flatMap((line) => splitStrategies(line.text));
}

/** Cuts a layout prefix matched on the half-width form from the published text (positions agree). */
function cut(text: string, pattern: RegExp): string {
  const match = pattern.exec(toHalfWidth(text));
  return match ? text.slice(match[0].length).trim() : text;
}

function parsePurposes(section: Section<string>): string[] {
  // A new purpose starts at a blank line or at a bulleted/numbered line.
  const items: string[][] = [];
  for (const group of paragraphs(section.body)) {
    for (const line of group) {
      const last = items[items.length - 1];
      const starts = line === group[0] || BULLET.test(toHalfWidth(line.text)) || NUMBERED.test(toHalfWidth(line.text));
      if (starts || !last) items.push([line.text]);
      else last.push(line.text);
    }
  }
  return items.map(([first = '', ...rest]) => [cut(cut(first, BULLET), NUMBERED), ...rest].join('\n'));
}

function goalHeading(text: string): { number: number; title: string } | null {
  const match = NUMBERED.exec(toHalfWidth(text));
  if (!match) return null;
  return { number: Number(match[1]), title: normalizeName(text.slice(match[0].length)) };
}

function parseGoals(context: ParseContext, section: Section<string>): ParsedGoal[] {
  const goals: { goal: ParsedGoal; description: ReportLine[] }[] = [];
  for (const line of section.body) {
    const current = goals[goals.length - 1];
    const found = line.blank ? null : goalHeading(line.text);
    if (found) {
      if (goals.some(({ goal }) => goal.number === found.number)) {
        context.warn(line.number, `goal ${found.number} is numbered twice`);
      }
      goals.push({ goal: { ...found, description: null }, description: [] });
    } else if (current) {
      current.description.push(line);
    } else if (!line.blank) {
      context.fail(line.number, 'a goal like "1 <title>"', line.text);
    }
  }
  if (goals.length === 0) context.warn(section.heading.number, '目標 lists no goals');
  return goals.map(({ goal, description }) => ({ ...goal, description: joinText(description), results: [] }));
}

/** The 実績 lines, in order; lines that repeat a goal heading only group them, and are not results. */
function parseResults(context: ParseContext, section: Section<string>, goals: readonly ParsedGoal[]): string[] {
  const results: string[] = [];
  let under: ParsedGoal | undefined;
  for (const line of section.body) {
    if (line.blank) continue;
    const found = goalHeading(line.text);
    const goal =
      found &&
      (goals.find((candidate) => candidate.number === found.number && candidate.title === found.title) ??
        goals.find((candidate) => candidate.number === found.number || candidate.title === found.title));
    if (found && goal) {
      if (goal.number !== found.number || goal.title !== found.title) {
        context.warn(line.number, `実績 heading ${JSON.stringify(line.text)} does not match goal ${goal.number} ${goal.title}`);
      }
      under = goal;
      continue;
    }
    const result = cut(line.text, BULLET);
    results.push(result);
    if (under) (under.results ??= []).push(result);
  }
  return results;
}
