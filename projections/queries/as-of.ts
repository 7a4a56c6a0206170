import type { Database } from 'better-sqlite3';
import { pluckStatement } from './statement-cache';

/**
 * A point in time, resolved: `position` cuts system time (what the log held then), `edition` cuts the
 * editions (later reports ignored). Null means no cut on that axis.
 */
export interface AsOf {
  position: number | null;
  edition: number | null;
}

export const NOW: AsOf = { position: null, edition: null };

export const isNow = (asOf: AsOf): boolean => asOf.position === null && asOf.edition === null;

/** A stable key for caching per point in time. */
export const asOfKey = (asOf: AsOf): string => `${asOf.position ?? '*'}@${asOf.edition ?? '*'}`;

/** recordedAt never decreases along the log, so an instant maps to the last position recorded by then. */
export function resolveAsOf(db: Database, at: { recordedAt?: Date | null; edition?: number | null } | null | undefined): AsOf {
  if (!at) return NOW;
  // The last row at or before the instant, read backwards down the (recorded_at, position) index: one
  // seek, where MAX(position) over the range would read every earlier row of the log.
  const position =
    at.recordedAt instanceof Date
      ? (pluckStatement<number>(db, 'SELECT position FROM rm_audit_log WHERE recorded_at <= ? ORDER BY recorded_at DESC, position DESC LIMIT 1').get(
          at.recordedAt.toISOString(),
        ) ?? 0)
      : null;
  return { position, edition: at.edition ?? null };
}

/** SQL conditions and parameters selecting rows visible at `asOf`. */
export function asOfFilter(asOf: AsOf, editionColumn = 'effective_edition', positionColumn = 'position') {
  return {
    sql: `(? IS NULL OR ${positionColumn} <= ?) AND (? IS NULL OR ${editionColumn} <= ?)`,
    params: [asOf.position, asOf.position, asOf.edition, asOf.edition] as const,
  };
}
