// A statements file may hold several municipalities and several editions: each (municipality, edition)
// is one report, imported as one atomic append, as a text report of one edition is. The rows of a group
// keep the order of the file, which becomes the order the ledger lists what they report.
import type { Municipality } from '../../domain/municipalities/municipality-table';
import { ReportParseError } from '../report-errors';
import { placeOf } from './statement-table';
import type { StatementRow } from './statement-row';

export interface StatementGroup {
  municipality: Municipality;
  edition: number;
  rows: StatementRow[];
}

/**
 * The file's rows by municipality and edition, in the order each group first appears. A municipality
 * given with the import (--municipality) must be every row's, or the import is refused at the first
 * row that names another.
 */
export function groupStatements(rows: readonly StatementRow[], given: Municipality | null = null): StatementGroup[] {
  const groups = new Map<string, StatementGroup>();
  for (const row of rows) {
    if (given && row.municipality.code !== given.code) {
      throw new ReportParseError(
        placeOf(row.source),
        `the municipality given with the import, ${given.name} (${given.code})`,
        `${row.municipality.name} (${row.municipality.code})`,
        row.source.file ?? undefined,
        'municipality',
      );
    }
    const key = `${row.municipality.code}:${row.edition}`;
    const group = groups.get(key) ?? { municipality: row.municipality, edition: row.edition, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}
