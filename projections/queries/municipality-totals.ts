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

/** Ids are qualified: the first six characters are the municipality's code. */
export function yearValuesByMunicipality(db: Database, fiscalYear: number, asOf: AsOf, codes: readonly string[] | null): YearValueRow[] {
  const filter = asOfFilter(asOf);
  const only = codes === null ? '' : 'AND substr(indicator_id, 1, 6) IN (SELECT value FROM json_each(?))';
  const rows = statement<{ indicator_id: string; kind_json: string; direction_json: string | null; target: number | null; actual: number | null; revised: number }>(
    db,
    `WITH stated AS (
       SELECT indicator_id, kind, value, text,
         ROW_NUMBER() OVER (PARTITION BY indicator_id, kind ORDER BY effective_edition DESC, position DESC) AS rank
       FROM rm_value_statements WHERE fiscal_year = ? ${only} AND ${filter.sql}
     ), revised AS (
       SELECT indicator_id FROM stated WHERE kind = 'TARGET' GROUP BY indicator_id
       HAVING COUNT(DISTINCT value) > 1 OR COUNT(value) BETWEEN 1 AND COUNT(*) - 1 OR (COUNT(value) = 0 AND COUNT(DISTINCT IFNULL(text, '')) > 1)
     )
     SELECT s.indicator_id, k.value_json AS kind_json, d.value_json AS direction_json,
       MAX(CASE WHEN s.kind = 'TARGET' THEN s.value END) AS target, MAX(CASE WHEN s.kind = 'ACTUAL' THEN s.value END) AS actual,
       (SELECT COUNT(*) FROM revised r WHERE r.indicator_id = s.indicator_id) AS revised
     FROM stated s
     JOIN rm_field_current k ON k.entity_id = s.indicator_id AND k.field = 'kind'
     LEFT JOIN rm_field_current d ON d.entity_id = s.indicator_id AND d.field = 'direction'
     WHERE s.rank = 1 AND k.value_json IN ('"COST"', '"STAFFING"', '"OUTCOME"', '"ACTIVITY"')
     GROUP BY s.indicator_id`,
  ).all(fiscalYear, ...(codes === null ? [] : [JSON.stringify(codes)]), ...filter.params);
  return rows.map((row) => ({
    municipality: row.indicator_id.slice(0, 6),
    indicatorKind: JSON.parse(row.kind_json) as IndicatorKind,
    direction: (row.direction_json === null ? 'NONE' : JSON.parse(row.direction_json)) as Direction,
    target: row.target,
    actual: row.actual,
    targetRevised: row.revised > 0,
  }));
}
