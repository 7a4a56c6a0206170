// An edition argument names one of the reports the ledger holds, or a year between them (as published
// up to that year). Outside that range it is a typo or a report not imported yet: say so rather than
// answer as if it were the present or nothing.
import type { EditionRow } from '../../projections/queries/edition-queries';
import { badInput } from './errors';

export function checkEdition(imported: readonly EditionRow[], edition: number, field: string): void {
  const years = imported.map((row) => row.fiscalYear);
  if (years.length === 0) throw badInput(`${field} ${edition} names no edition: none has been imported yet`, field);
  const first = Math.min(...years);
  const last = Math.max(...years);
  if (!Number.isInteger(edition) || edition < first || edition > last) {
    throw badInput(`${field} must be a fiscal year from ${first} to ${last} (the editions imported), got ${edition}`, field);
  }
}
