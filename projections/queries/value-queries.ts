// Targets and actuals at a point in time, from the value history's indexes.
import type { Database } from 'better-sqlite3';
import type { ValueKind } from '../../events/vocabulary';
import type { ValueEntry } from '../value-document';
import { statement } from './statement-cache';
import { asOfFilter, isNow, type AsOf } from './as-of';


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
  /** The event's metadata.source as JSON (EventSource); null for a direct edit. */
  source: string | null;
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
  if (isNow(asOf)) {
    const now = valuesNow(db, indicatorIds);
    return [...new Set(indicatorIds)].sort().flatMap((id) => now.get(id)?.values ?? []);
  }
  const ids = JSON.stringify(indicatorIds);
  const filter = asOfFilter(asOf);
  return statement<ValueRow>(db, `SELECT indicator_id, fiscal_year, kind, value, text, effective_edition FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY indicator_id, fiscal_year, kind ORDER BY effective_edition DESC, position DESC) AS rank
         FROM rm_value_statements WHERE indicator_id IN (SELECT value FROM json_each(?)) AND ${filter.sql}
       ) WHERE rank = 1 ORDER BY indicator_id, fiscal_year, kind`).all(ids, ...filter.params)
    .map(toValue);
}

/** The values of indicators now, and the fiscal years whose target was revised. */
export interface ValuesNow {
  values: CurrentValue[];
  revisedYears: Set<number>;
}

/** The present, read from each indicator's one-row document (valuesOf and revisedValues of targets, in one seek an indicator). */
export function valuesNow(db: Database, indicatorIds: readonly string[]): Map<string, ValuesNow> {
  const rows = statement<{ indicator_id: string; document: string }>(
    db,
    `SELECT d.indicator_id, d.document FROM json_each(?) j JOIN rm_value_documents d ON d.indicator_id = j.value`,
  ).all(JSON.stringify(indicatorIds));
  const byIndicator = new Map<string, ValuesNow>();
  for (const row of rows) {
    const now: ValuesNow = { values: [], revisedYears: new Set() };
    for (const [fiscalYear, kind, value, text, effectiveEdition, revised] of JSON.parse(row.document) as ValueEntry[]) {
      now.values.push({ indicatorId: row.indicator_id, fiscalYear, kind, value, text, effectiveEdition });
      if (revised) now.revisedYears.add(fiscalYear);
    }
    byIndicator.set(row.indicator_id, now);
  }
  return byIndicator;
}

/**
 * A group of statements of one value says more than one thing (statedDifferently in value-document.ts):
 * more than one number, numbers and texts, or no number and more than one text.
 */
const SAID_MORE_THAN_ONE_THING = `(COUNT(DISTINCT value) > 1 OR COUNT(value) BETWEEN 1 AND COUNT(*) - 1
  OR (COUNT(value) = 0 AND COUNT(DISTINCT IFNULL(text, '')) > 1))`;

/** `${indicatorId}:${fiscalYear}` of every year where more than one distinct value of `kind` was stated. */
export function revisedValues(db: Database, indicatorIds: readonly string[], kind: ValueKind, asOf: AsOf): Set<string> {
  const filter = asOfFilter(asOf);
  const rows = statement<{ indicator_id: string; fiscal_year: number }>(db, `SELECT indicator_id, fiscal_year FROM rm_value_statements
       WHERE indicator_id IN (SELECT value FROM json_each(?)) AND kind = ? AND ${filter.sql}
       GROUP BY indicator_id, fiscal_year HAVING ${SAID_MORE_THAN_ONE_THING}`).all(JSON.stringify(indicatorIds), kind, ...filter.params);
  return new Set(rows.map((r) => `${r.indicator_id}:${r.fiscal_year}`));
}

/**
 * Every statement of one value the log held at `position` (null: now), oldest first, with who stated it,
 * when and why (from the audit log). Editions are not cut here: `history` and `change` cut them differently.
 */
export function valueStatements(db: Database, indicatorId: string, fiscalYear: number, kind: ValueKind, position: number | null): RevisionRow[] {
  return statement<RevisionRow>(db, `SELECT p.event_id AS eventId, s.value, s.text, s.previous_value AS previousValue, s.previous_text AS previousText,
         s.edition, s.effective_edition AS effectiveEdition, a.recorded_at AS recordedAt, a.actor, a.reason, s.position, a.source
       FROM rm_value_statements s JOIN rm_audit_log a ON a.position = s.position JOIN rm_event_payloads p ON p.position = s.position
       WHERE s.indicator_id = ? AND s.fiscal_year = ? AND s.kind = ? AND (? IS NULL OR s.position <= ?) ORDER BY s.position`).all(indicatorId, fiscalYear, kind, position, position);
}

/** The statement that answers for a value as of `edition`: the highest edition up to it, then the latest. */
export function winningStatement(statements: readonly RevisionRow[], edition: number | null): RevisionRow | null {
  let winner: RevisionRow | null = null;
  for (const candidate of statements) {
    if (edition !== null && candidate.effectiveEdition > edition) continue;
    if (winner === null || candidate.effectiveEdition >= winner.effectiveEdition) winner = candidate;
  }
  return winner;
}
