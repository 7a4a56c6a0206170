// A statements file (or the rows a layout read) → one parsed report per municipality and edition, each
// citing the file's SHA-256: what `plan-ledger import` imports, one edition at a time, through the same
// path as a text report's documents.
import { createHash } from 'node:crypto';
import type { Municipality } from '../../domain/municipalities/municipality-table';
import type { DocumentPlaces, ParsedDocument } from '../parse-documents';
import { groupStatements } from './statement-groups';
import type { StatementRow } from './statement-row';
import { lineOf, statementsReport } from './statements-report';

/** One municipality's edition, as a statements file states it. */
export interface StatementsEdition {
  municipality: Municipality;
  edition: number;
  document: ParsedDocument;
}

export interface StatementsSource {
  /** Named in errors and recorded in the events' source. */
  file: string;
  /** The file as read, for its SHA-256. */
  bytes: Uint8Array;
  /** name@version of the layout the rows were read through. */
  layout?: string | undefined;
}

/** A workbook's sheet and each row's first cell, by the line its events cite. */
function placesOf(rows: readonly StatementRow[], layout: string | null): DocumentPlaces {
  const cells = new Map<number, string>();
  for (const row of rows) if (row.source.cell !== null && !cells.has(lineOf(row))) cells.set(lineOf(row), row.source.cell);
  return { sheet: rows.find((row) => row.source.sheet !== null)?.source.sheet ?? null, cells, layout };
}

export const sha256OfBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Every edition the rows state, in the order each first appears. Throws the first ReportParseError, so
 * a file with one unreadable group writes nothing. `given`: the municipality named with the import.
 */
export function statementsEditions(rows: readonly StatementRow[], source: StatementsSource, given: Municipality | null = null): StatementsEdition[] {
  const sha256 = sha256OfBytes(source.bytes);
  return groupStatements(rows, given).map((group) => ({
    municipality: group.municipality,
    edition: group.edition,
    document: { report: statementsReport(group), file: source.file, sha256, places: placesOf(group.rows, source.layout ?? null) },
  }));
}
