// The documents of one import → their parsed reports. A report may come in several documents of the same
// edition (one file per chapter, say): each is parsed on its own, then they must agree on the edition.
import { createHash } from 'node:crypto';
import { parseReport } from './parse-report';
import { ReportParseError } from './report-errors';
import type { ParsedReport } from './report-model';

/** One document of a report: its text and, for error messages, its file name. */
export interface ReportDocument {
  text: string;
  file?: string | undefined;
}

/**
 * Where a statements document's rows stand beyond their lines, for the source each event records: a
 * workbook's sheet and cells, and the layout the rows were read through.
 */
export interface DocumentPlaces {
  /** Null for a CSV file. */
  sheet: string | null;
  /** For a workbook: the first cell of each row, by the line (the row's number) its events cite. */
  cells: ReadonlyMap<number, string>;
  /** name@version of the layout the rows were read through; null for a statements file. */
  layout: string | null;
}

/** One document of a report, parsed. */
export interface ParsedDocument {
  report: ParsedReport;
  /** Named in errors, and in the source its events record. */
  file?: string | undefined;
  /** SHA-256 of the document's text (of a statements file's bytes): the source its events cite. */
  sha256: string;
  /** For a statements file or a sheet read through a layout. */
  places?: DocumentPlaces | undefined;
}

const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function parseDocument(document: ReportDocument): ParsedDocument {
  return { report: parseReport(document.text, { file: document.file }), file: document.file, sha256: sha256Of(document.text) };
}

/** The documents of one import, checked to be one report: at least one, all of the same edition. */
export function oneReport(parts: readonly ParsedDocument[]): ParsedDocument[] {
  const [first] = parts;
  if (!first) throw new ReportParseError(1, 'at least one report document', 'none');
  for (const part of parts) {
    if (part.report.edition === first.report.edition) continue;
    const at = part.report.measures[0]?.line ?? part.report.projects[0]?.line ?? 1;
    throw new ReportParseError(
      at,
      `the edition of ${first.file ?? 'the first document'}, ${first.report.editionLabel} (${first.report.edition}): the documents of one import are one report`,
      `${part.report.editionLabel} (${part.report.edition})`,
      part.file,
    );
  }
  return [...parts];
}

/**
 * Parses every document; they must all be the same edition. Throws the first ReportParseError, so a
 * caller that parses before it writes writes nothing when any document is unreadable.
 */
export function parseDocuments(input: string | readonly ReportDocument[], file?: string): ParsedDocument[] {
  const documents: readonly ReportDocument[] = typeof input === 'string' ? [{ text: input, file }] : input;
  return oneReport(documents.map(parseDocument));
}

/** The source an import as a whole cites: the document's hash, or a hash of the documents' hashes. */
export function sourceSha256Of(parts: readonly ParsedDocument[]): string {
  const [first] = parts;
  return parts.length === 1 && first ? first.sha256 : sha256Of(parts.map((p) => p.sha256).join('\n'));
}
