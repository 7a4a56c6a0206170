// Targets and actuals at a point in time, from the value history's indexes.
import type { Database } from 'better-sqlite3';
import { pluckStatement, statement } from './statement-cache';
import { asOfFilter, isNow, type AsOf } from './as-of';

export type ValueKind = 'TARGET' | 'ACTUAL';

export interface CurrentValue {
  indicatorId: string;
  fiscalYear: number;
  kind: ValueKind;
  value: number | null;
  text: string | null;
  effectiveEdition: number;
}

export interface RevisionRow {
  eventId: string;
  value: number | null;
  text: string | null;
  previousValue: number | null;
  previousText: string | null;
  edition: number | null;
  effectiveEdition: number;
  recordedAt: string;
  actor: string;
  reason: string | null;
  position: number;
}

interface ValueRow {
  indicator_id: string;
  fiscal_year: number;
  kind: ValueKind;
  value: number | null;
  text: string | null;
  effective_edition: number;
}

const toValue = (row: ValueRow): CurrentValue => ({
  indicatorId: row.indicator_id,
  fiscalYear: row.fiscal_year,
  kind: row.kind,
  value: row.value,
  text: row.text,
  effectiveEdition: row.effective_edition,
});

/** The winning target and actual of every fiscal year of each indicator. */
export function valuesOf(db: Database, indicatorIds: readonly string[], asOf: AsOf): CurrentValue[] {
  const ids = JSON.stringify(indicatorIds);
  if (isNow(asOf)) {
    return statement<ValueRow>(db, `SELECT indicator_id, fiscal_year, kind, value, text, effective_edition FROM rm_value_current
         WHERE indicator_id IN (SELECT value FROM json_each(?)) ORDER BY indicator_id, fiscal_year, kind`).all(ids)
      .map(toValue);
  }
  const filter = asOfFilter(asOf);
  return statement<ValueRow>(db, `SELECT indicator_id, fiscal_year, kind, value, text, effective_edition FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY indicator_id, fiscal_year, kind ORDER BY effective_edition DESC, position DESC) AS rank
         FROM rm_value_statements WHERE indicator_id IN (SELECT value FROM json_each(?)) AND ${filter.sql}
       ) WHERE rank = 1 ORDER BY indicator_id, fiscal_year, kind`).all(ids, ...filter.params)
    .map(toValue);
}

/** The winning statement of one value at a point in time: one seek down the history's lookup index. */
export function valueAt(db: Database, indicatorId: string, fiscalYear: number, kind: ValueKind, asOf: AsOf): CurrentValue | null {
  const filter = asOfFilter(asOf);
  const row = statement<ValueRow>(db, `SELECT indicator_id, fiscal_year, kind, value, text, effective_edition FROM rm_value_statements
       WHERE indicator_id = ? AND fiscal_year = ? AND kind = ? AND ${filter.sql}
       ORDER BY effective_edition DESC, position DESC LIMIT 1`).get(indicatorId, fiscalYear, kind, ...filter.params);
  return row ? toValue(row) : null;
}

/** `${indicatorId}:${fiscalYear}` of every year where more than one distinct target was stated. */
export function revisedTargets(db: Database, indicatorIds: readonly string[], asOf: AsOf): Set<string> {
  const filter = asOfFilter(asOf);
  const rows = statement<{ indicator_id: string; fiscal_year: number }>(db, `SELECT indicator_id, fiscal_year FROM rm_value_statements
       WHERE indicator_id IN (SELECT value FROM json_each(?)) AND kind = 'TARGET' AND ${filter.sql}
       GROUP BY indicator_id, fiscal_year
       HAVING COUNT(DISTINCT CASE WHEN value IS NOT NULL THEN 'n' || value ELSE 't' || IFNULL(text, '') END) > 1`).all(JSON.stringify(indicatorIds), ...filter.params);
  return new Set(rows.map((r) => `${r.indicator_id}:${r.fiscal_year}`));
}

/** Every statement of one value, oldest first, with who stated it, when and why (from the audit log). */
export function valueHistory(db: Database, indicatorId: string, fiscalYear: number, kind: ValueKind, asOf: AsOf): RevisionRow[] {
  const filter = asOfFilter(asOf, 's.effective_edition', 's.position');
  return statement<RevisionRow>(db, `SELECT p.event_id AS eventId, s.value, s.text, s.previous_value AS previousValue, s.previous_text AS previousText,
         s.edition, s.effective_edition AS effectiveEdition, a.recorded_at AS recordedAt, a.actor, a.reason, s.position
       FROM rm_value_statements s JOIN rm_audit_log a ON a.position = s.position JOIN rm_event_payloads p ON p.position = s.position
       WHERE s.indicator_id = ? AND s.fiscal_year = ? AND s.kind = ? AND ${filter.sql} ORDER BY s.position`).all(indicatorId, fiscalYear, kind, ...filter.params);
}
