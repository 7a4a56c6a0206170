// The GraphQL operations the suite loads, and how it picks their variables from the generated ledger.
import type { Database } from 'better-sqlite3';
import { MEASURE_CODE, splitQualifiedId } from '../src/domain/ids';

export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

export const MEASURE_OVERVIEW = `query MeasureOverview($code: String!) {
  measure(code: $code) {
    code title department editions
    indicators { id name kind unit direction values { fiscalYear target actual targetText actualText achievementRate targetRevised } }
  }
}`;

export const MEASURE_OVERVIEW_AT = `query MeasureOverviewAt($code: String!, $at: DateTimeISO!) {
  measure(code: $code, at: { recordedAt: $at }) {
    code title department editions
    indicators { id name kind unit direction values { fiscalYear target actual targetText actualText achievementRate targetRevised } }
  }
}`;

export const PROJECT_OVERVIEW = `query ProjectOverview($id: ID!) {
  project(id: $id) {
    id name editions
    indicators { id name kind unit values { fiscalYear target actual targetText actualText achievementRate targetRevised } }
    cost { values { fiscalYear target actual } } staffing { values { fiscalYear target actual } }
  }
}`;

export const TARGET_HISTORY = `query TargetHistory($id: ID!, $fiscalYear: Int!, $from: Int!, $to: Int!) {
  indicator(id: $id) {
    id name unit
    history(fiscalYear: $fiscalYear, kind: TARGET) { eventId value text previousValue previousText edition recordedAt actor reason }
    change(fiscalYear: $fiscalYear, kind: TARGET, fromEdition: $from, toEdition: $to) { fiscalYear kind fromEdition toEdition from to delta changed }
  }
}`;

/**
 * A measure with two outcome indicators, from the middle of the ledger (not the first municipality), as
 * the read model keys it: qualified, `012025:5-1-1` (the value of an indicator's ownerId is its JSON).
 */
export function pickMeasure(db: Database): string {
  const code = db
    .prepare<[], string>(
      `SELECT json_extract(value_json, '$') FROM rm_field_current
       WHERE entity_type = 'indicator' AND field = 'ownerId' AND value_json GLOB '"[0-9][0-9][0-9][0-9][0-9][0-9]:[0-9]*-[0-9]*-[0-9]*"'
       GROUP BY value_json HAVING COUNT(*) >= 2 ORDER BY MAX(position) DESC LIMIT 1 OFFSET 2`,
    )
    .pluck()
    .get();
  const { municipality, localId } = splitQualifiedId(code ?? '');
  if (!code || municipality === null || !MEASURE_CODE.test(localId)) throw new Error('the generated ledger has no measure with two indicators');
  return code;
}

/** The most revised target of the ledger: an indicator (its qualified id, as the value history keys it) and year with the most target statements. */
export function pickRevisedTarget(db: Database): { id: string; fiscalYear: number; from: number; to: number } {
  const row = db
    .prepare<[], { id: string; fiscalYear: number; from: number; to: number }>(
      `SELECT indicator_id AS id, fiscal_year AS fiscalYear, MIN(effective_edition) AS "from", MAX(effective_edition) AS "to"
       FROM rm_value_statements WHERE kind = 'TARGET' AND position > (SELECT MAX(position) / 2 FROM rm_value_statements)
       GROUP BY indicator_id, fiscal_year ORDER BY COUNT(*) DESC, MIN(position) LIMIT 1`,
    )
    .get();
  if (!row) throw new Error('the generated ledger has no target');
  return row;
}

export const measureOverview = (code: string): Operation => ({ name: 'measureOverview', query: MEASURE_OVERVIEW, variables: { code } });

export const targetHistory = (target: ReturnType<typeof pickRevisedTarget>): Operation => ({
  name: 'targetHistory',
  query: TARGET_HISTORY,
  variables: target,
});

/**
 * Every measure's and project's overview, by qualified id (no municipality argument needed): asked once
 * each, they bring the whole present into memory.
 */
export function everyOverview(db: Database): Operation[] {
  const ids = (type: string) =>
    db.prepare<[string], string>('SELECT entity_id FROM rm_entity_documents WHERE entity_type = ? ORDER BY entity_id').pluck().all(type);
  return [
    ...ids('measure').map((code) => measureOverview(code)),
    ...ids('project').map((id): Operation => ({ name: 'projectOverview', query: PROJECT_OVERVIEW, variables: { id } })),
  ];
}
