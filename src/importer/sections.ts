// A sheet is a fixed sequence of headed sections. Splitting by the expected sequence (rather than by any
// heading anywhere) is what lets the parser say "expected 目標, found ..." when a sheet is damaged, instead of
// silently attaching text to the wrong section.

import { toHalfWidth } from './normalize';
import type { ParseContext, ReportLine } from './report-lines';

export type SectionBody = 'text' | 'rows';

export interface SectionSpec<K extends string> {
  key: K;
  /** How the heading is named in error messages. */
  label: string;
  /** Inline text after the heading ('' when none) if the line is this heading, otherwise null. */
  match: (line: ReportLine) => string | null;
  optional?: boolean;
  /** Prose or tab-separated rows; the other kind in a body is an error, not content. */
  body: SectionBody;
}

export interface Section<K extends string> {
  key: K;
  heading: ReportLine;
  inline: string;
  /** Everything up to the next heading, blank lines included (they separate paragraphs). */
  body: ReportLine[];
}

/** A heading alone on its line, or (when `inline`) followed by a space and its content. */
export function heading(word: string, options: { inline?: boolean } = {}): (line: ReportLine) => string | null {
  return (line) => {
    if (line.row) return null;
    if (line.key === word) return '';
    if (options.inline && line.key.startsWith(`${word} `)) return line.text.slice(word.length).trim();
    return null;
  };
}

/**
 * Splits one sheet (its first line being the first spec's heading) into its sections. `next` is the line
 * that starts the following sheet, named in the error when this one ends too early.
 */
export function splitSections<K extends string>(
  context: ParseContext,
  lines: readonly ReportLine[],
  specs: readonly SectionSpec<K>[],
  next: ReportLine | undefined,
): Map<K, Section<K>> {
  const sections = new Map<K, Section<K>>();
  let current: Section<K> | undefined;
  let index = -1;

  const missing = (upTo: number, line: ReportLine | undefined, lastNumber: number): void => {
    for (let skipped = index + 1; skipped < upTo; skipped++) {
      const spec = specs[skipped];
      if (spec && !spec.optional) {
        context.fail(line?.number ?? lastNumber, spec.label, line?.text ?? 'end of report');
      }
    }
  };

  for (const line of lines) {
    if (!line.blank) {
      const found = findSpec(specs, line, index + 1);
      if (found) {
        missing(found.at, line, line.number);
        index = found.at;
        current = { key: found.spec.key, heading: line, inline: found.inline, body: [] };
        sections.set(found.spec.key, current);
        continue;
      }
      const spec = specs[index];
      if (!current || !spec) {
        context.fail(line.number, specs[0]?.label ?? 'a heading', line.text);
      }
      if (findSpec(specs, line, 0)) context.fail(line.number, expectedAfter(specs, index), line.text);
      if (line.row && spec.body === 'text') context.fail(line.number, rowNeeds(line), line.text);
      if (!line.row && spec.body === 'rows') {
        context.fail(line.number, `a tab-separated row or ${expectedAfter(specs, index)}`, line.text);
      }
    }
    current?.body.push(line);
  }

  const last = lines[lines.length - 1];
  missing(specs.length, next, last?.number ?? 1);
  return sections;
}

/** What a row out of place is missing: a project sheet's 所属/施策 rows need its title line, others a table header. */
function rowNeeds(line: ReportLine): string {
  const first = toHalfWidth(line.cells[0] ?? '').replace(/\s/g, '');
  return first === '所属' || first === '施策'
    ? 'a 令和N年度 実施計画兼予算要求書 heading before this row'
    : '区分 header row before table rows';
}

function findSpec<K extends string>(
  specs: readonly SectionSpec<K>[],
  line: ReportLine,
  from: number,
): { spec: SectionSpec<K>; at: number; inline: string } | undefined {
  for (let at = from; at < specs.length; at++) {
    const spec = specs[at];
    const inline = spec?.match(line);
    if (spec && inline !== null && inline !== undefined) return { spec, at, inline };
  }
  return undefined;
}

function expectedAfter<K extends string>(specs: readonly SectionSpec<K>[], index: number): string {
  const labels: string[] = [];
  for (let at = index + 1; at < specs.length; at++) {
    const spec = specs[at];
    if (!spec) break;
    labels.push(spec.label);
    if (!spec.optional) break;
  }
  return labels.length === 0 ? 'end of sheet' : labels.join(' or ');
}

export function paragraphs(lines: readonly ReportLine[]): ReportLine[][] {
  const groups: ReportLine[][] = [];
  let group: ReportLine[] = [];
  for (const line of lines) {
    if (line.blank) {
      if (group.length > 0) groups.push(group);
      group = [];
    } else {
      group.push(line);
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Prose as published: lines of a paragraph joined by newline, paragraphs by a blank line; null when empty. */
export function joinText(lines: readonly ReportLine[]): string | null {
  const blocks = paragraphs(lines).map((group) => group.map((line) => line.text).join('\n'));
  return blocks.length === 0 ? null : blocks.join('\n\n');
}
