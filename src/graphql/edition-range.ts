// An edition argument names a report the ledger could hold: from the first edition it holds to the
// current fiscal year (a year between, or after the newest held, reads as published up to it). Before
// the first or in the future it is a typo: say so rather than answer as if it were nothing or now.
import type { EditionRow } from '../../projections/queries/edition-queries';
import { badInput } from './errors';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Japanese fiscal years start on 1 April, Japan time: 2026-03-31 is still fiscal year 2025. */
export function currentFiscalYear(now: Date): number {
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  return jst.getUTCMonth() < 3 ? jst.getUTCFullYear() - 1 : jst.getUTCFullYear();
}

export function checkEdition(imported: readonly EditionRow[], edition: number, field: string, now = new Date()): void {
  const years = imported.map((row) => row.fiscalYear);
  if (years.length === 0) throw badInput(`${field} ${edition} names no edition: none has been imported yet`, field);
  const first = Math.min(...years);
  const last = Math.max(...years, currentFiscalYear(now));
  if (!Number.isInteger(edition) || edition < first || edition > last) {
    throw badInput(`${field} must be a fiscal year from ${first} (the first edition held) to ${last} (the current fiscal year), got ${edition}`, field);
  }
}
