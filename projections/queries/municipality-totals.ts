// One fiscal year's values of every COST, STAFFING, OUTCOME and ACTIVITY indicator, with the
// municipality each belongs to: what compareMunicipalities sums. One set-based read, not a loop.
import type { Database } from 'better-sqlite3';
import type { Direction, IndicatorKind } from '../../events/vocabulary';
import { asOfFilter, type AsOf } from './as-of';
import { statement } from './statement-cache';

export interface YearValueRow {
  municipality: string;
  indicatorKind: IndicatorKind;
  direction: Direction;
  target: number | null;
  actual: number | null;
  /** More than one distinct target was stated for the year. */
  targetRevised: boolean;
}

/**
 * Ids are qualified: the first six characters are the municipality's code.
 *
 * Driven by the indicators of the summed kinds (rm_field_current_lookup), each asked with seeks down
 * rm_value_statements_lookup (indicator_id, fiscal_year, kind, effective_edition, position): its
 * winning target and actual (the last of the index's range), whether the target was revised, and
 * whether it states anything that year at all. So the read grows with the indicators and the year's own
 * statements, not with the whole history: no index of its own, nothing more to write on an append.
 * A window over `WHERE fiscal_year = ?` scanned every statement of every year instead, and its
 * "revised" was a correlated subquery over a co-routine, quadratic in the year's statements (8.8 s at
 * 106k events; bench/README.md, compareMunicipalities). "Revised" is the value history's rule
 * (value-history.ts, afterReplay), with MIN < MAX for "more than one distinct": no temporary B-tree per indicator.
 */
export function yearValuesByMunicipality(db: Database, fiscalYear: number, asOf: AsOf, codes: readonly string[] | null): YearValueRow[] {
  const filter = asOfFilter(asOf, 'v.effective_edition', 'v.position');
  const only = codes === null ? '' : 'AND substr(k.entity_id, 1, 6) IN (SELECT value FROM json_each(?))';
  const ofYear = `v.indicator_id = k.entity_id AND v.fiscal_year = ? AND ${filter.sql}`;
  const winner = (kind: 'TARGET' | 'ACTUAL') =>
    `(SELECT v.value FROM rm_value_statements v WHERE ${ofYear} AND v.kind = '${kind}' ORDER BY v.effective_edition DESC, v.position DESC LIMIT 1)`;
  const year = [fiscalYear, ...filter.params];
  const rows = statement<{ indicator_id: string; kind_json: string; direction_json: string | null; target: number | null; actual: number | null; revised: number }>(
    db,
    `SELECT k.entity_id AS indicator_id, k.value_json AS kind_json, d.value_json AS direction_json,
       ${winner('TARGET')} AS target, ${winner('ACTUAL')} AS actual,
       (SELECT IFNULL(MIN(v.value) < MAX(v.value), 0) OR COUNT(v.value) BETWEEN 1 AND COUNT(*) - 1
           OR (COUNT(v.value) = 0 AND MIN(IFNULL(v.text, '')) < MAX(IFNULL(v.text, '')))
         FROM rm_value_statements v WHERE ${ofYear} AND v.kind = 'TARGET') AS revised
     FROM rm_field_current k
     LEFT JOIN rm_field_current d ON d.entity_id = k.entity_id AND d.field = 'direction'
     WHERE k.entity_type = 'indicator' AND k.field = 'kind' AND k.value_json IN ('"COST"', '"STAFFING"', '"OUTCOME"', '"ACTIVITY"') ${only}
       AND EXISTS (SELECT 1 FROM rm_value_statements v WHERE ${ofYear})
     ORDER BY k.entity_id`,
  ).all(...year, ...year, ...year, ...(codes === null ? [] : [JSON.stringify(codes)]), ...year);
  return rows.map((row) => ({
    municipality: row.indicator_id.slice(0, 6),
    indicatorKind: JSON.parse(row.kind_json) as IndicatorKind,
    direction: (row.direction_json === null ? 'NONE' : JSON.parse(row.direction_json)) as Direction,
    target: row.target,
    actual: row.actual,
    targetRevised: row.revised > 0,
  }));
}
