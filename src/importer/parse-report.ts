// Report text → ParsedReport. Pure: no I/O, same text in, same result out, so imports can be replayed and
// a parse can be tested against literal text. One pass over the lines; each sheet is parsed on its own.

import type { ParsedMeasure, ParsedProject, ParsedReport } from './report-model';
import { isMeasureStart, parseMeasureSheet } from './measure-sheet';
import { isProjectStart, parseProjectSheet } from './project-sheet';
import { ParseContext, readLines, type ReportLine } from './report-lines';

export interface ParseReportOptions {
  /** Named in errors and warnings; defaults to <report>. */
  file?: string;
}

type SheetKind = 'measure' | 'project';

interface Sheet {
  kind: SheetKind;
  lines: ReportLine[];
  /** The line that starts the following sheet, if any. */
  next: ReportLine | undefined;
}

function sheetKind(line: ReportLine): SheetKind | null {
  if (isMeasureStart(line) !== null) return 'measure';
  if (isProjectStart(line) !== null) return 'project';
  return null;
}

function splitSheets(context: ParseContext, lines: readonly ReportLine[]): Sheet[] {
  const sheets: Sheet[] = [];
  let current: Sheet | undefined;
  for (const line of lines) {
    const kind = line.blank ? null : sheetKind(line);
    if (kind) {
      if (current) current.next = line;
      current = { kind, lines: [line], next: undefined };
      sheets.push(current);
    } else if (current) {
      current.lines.push(line);
    } else if (!line.blank) {
      context.fail(line.number, `所属 or 令和N年度 実施計画兼予算要求書`, line.text);
    }
  }
  return sheets;
}

/** Every sheet dates itself; they must all agree, or the report mixes editions. */
class Edition {
  private year: number | undefined;
  private label = '';

  constructor(private readonly context: ParseContext) {}

  note(year: number, label: string, line: ReportLine): void {
    if (this.year === undefined) {
      this.year = year;
      this.label = label;
    } else if (year !== this.year) {
      this.context.fail(line.number, `the report's edition ${this.label} (${this.year})`, line.text);
    }
  }

  result(lines: readonly ReportLine[]): { edition: number; editionLabel: string } {
    if (this.year === undefined) {
      this.context.fail(1, 'an edition: a 令和N年度実績 column or a 令和N年度 実施計画兼予算要求書 heading', lines[0]?.text ?? '');
    }
    return { edition: this.year, editionLabel: this.label };
  }
}

export function parseReport(text: string, options: ParseReportOptions = {}): ParsedReport {
  const context = new ParseContext(options.file);
  const lines = readLines(text);
  const edition = new Edition(context);
  const measures: ParsedMeasure[] = [];
  const projects: ParsedProject[] = [];

  for (const sheet of splitSheets(context, lines)) {
    if (sheet.kind === 'measure') {
      const { measure, header } = parseMeasureSheet(context, sheet.lines, sheet.next);
      if (header.actual) edition.note(header.actual.fiscalYear, header.actual.label, lineOf(sheet, header.line));
      measures.push(measure);
    } else {
      const { project, header, edition: stated } = parseProjectSheet(context, sheet.lines, sheet.next);
      edition.note(stated.fiscalYear, stated.label, stated.line);
      if (header.actual) edition.note(header.actual.fiscalYear, header.actual.label, lineOf(sheet, header.line));
      projects.push(project);
    }
  }

  return { ...edition.result(lines), measures, projects, warnings: context.warnings };
}

function lineOf(sheet: Sheet, number: number): ReportLine {
  const first = sheet.lines[0];
  const line = first ? sheet.lines[number - first.number] : undefined;
  if (!line) throw new Error(`line ${number} is not in the sheet`);
  return line;
}
