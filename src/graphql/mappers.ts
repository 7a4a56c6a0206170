// Read-model records → the objects the schema exposes. Missing fields (a measure known only from a
// project's link) become nulls and empty lists, never errors.
import type { AsOf } from '../../projections/queries/as-of';
import type { EntityRecord } from '../../projections/queries/entity-queries';
import type { CurrentValue } from '../../projections/queries/value-queries';
import { achievementRate } from '../domain/achievement';
import { placementOf, splitQualifiedId } from '../domain/ids';
import { idAt } from './point-ids';
import { fiscalYearLabel } from '../domain/fiscal-year';
import type { JsonValue } from '../shared/json';
import { Direction, IndicatorKind } from './types/enums';
import { Indicator, IndicatorValue } from './types/indicator-types';
import { BudgetAccount, Goal, Measure, Project } from './types/plan-types';

const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v : null);
const strings = (v: JsonValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const obj = (v: JsonValue | undefined): Record<string, JsonValue> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};

export function toMeasure(record: EntityRecord, asOf: AsOf): Measure {
  const f = record.fields;
  const { municipality, localId } = splitQualifiedId(record.id);
  const code = str(f['code']) ?? localId;
  const placement = placementOf(code);
  const chapter = obj(f['chapter']);
  const policy = obj(f['policy']);
  const goals: Goal[] = (Array.isArray(f['goals']) ? f['goals'] : []).map((g) => {
    const goal = obj(g);
    const number = Number(goal['number']);
    return { id: idAt(`${record.id}#goal-${number}`, asOf), number, title: str(goal['title']) ?? '', description: str(goal['description']) };
  });
  return Object.assign(new Measure(), {
    asOf,
    id: record.id,
    municipality: municipality ?? '',
    code,
    title: str(f['title']) ?? code,
    department: str(f['department']),
    strategies: strings(f['strategies']),
    purposes: strings(f['purposes']),
    goals,
    results: strings(f['results']),
    gapReason: str(f['gapReason']),
    nextSteps: str(f['nextSteps']),
    chapterNumber: typeof chapter['number'] === 'number' ? chapter['number'] : placement.chapter,
    chapterTitle: str(chapter['title']),
    policyCode: str(policy['code']) ?? placement.policy,
    policyTitle: str(policy['title']),
    firstPosition: record.firstPosition,
  });
}

export function toProject(record: EntityRecord, asOf: AsOf): Project {
  const f = record.fields;
  const account = obj(f['budgetAccount']);
  const budgetAccount: BudgetAccount = {
    id: idAt(`${record.id}#budgetAccount`, asOf),
    code: str(account['code']) ?? '',
    fund: str(account['fund']) ?? '',
    division: str(account['division']) ?? '',
    section: str(account['section']) ?? '',
    item: str(account['item']) ?? '',
  };
  const { municipality, localId } = splitQualifiedId(record.id);
  return Object.assign(new Project(), {
    asOf,
    id: record.id,
    municipality: municipality ?? '',
    name: str(f['name']) ?? localId,
    department: str(f['department']) ?? '',
    budgetAccount,
    strategies: strings(f['strategies']),
    overview: str(f['overview']),
    purpose: str(f['purpose']),
    gapReason: str(f['gapReason']),
    nextSteps: str(f['nextSteps']),
    measureCodes: strings(f['measures']),
    firstPosition: record.firstPosition,
  });
}

export function toIndicator(record: EntityRecord, asOf: AsOf): Indicator {
  const f = record.fields;
  const { municipality, localId } = splitQualifiedId(record.id);
  return Object.assign(new Indicator(), {
    asOf,
    id: record.id,
    municipality: municipality ?? '',
    name: str(f['name']) ?? localId,
    kind: (str(f['kind']) ?? 'OUTCOME') as IndicatorKind,
    unit: str(f['unit']),
    direction: (str(f['direction']) ?? 'NONE') as Direction,
    ownerType: str(f['ownerType']) === 'project' ? 'project' : 'measure',
    ownerId: str(f['ownerId']) ?? '',
  });
}

/** One IndicatorValue per fiscal year that has any statement, ascending. */
export function toIndicatorValues(indicator: Indicator, values: readonly CurrentValue[], revisedYears: ReadonlySet<number>): IndicatorValue[] {
  const byYear = new Map<number, { target?: CurrentValue; actual?: CurrentValue }>();
  for (const value of values) {
    const year = byYear.get(value.fiscalYear) ?? {};
    if (value.kind === 'TARGET') year.target = value;
    else year.actual = value;
    byYear.set(value.fiscalYear, year);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, { target, actual }]) => {
      const t = target?.value ?? null;
      const a = actual?.value ?? null;
      return {
        id: idAt(`${indicator.id}#${fiscalYear}`, indicator.asOf),
        fiscalYear,
        fiscalYearLabel: fiscalYearLabel(fiscalYear),
        target: t,
        actual: a,
        targetText: target?.text ?? null,
        actualText: actual?.text ?? null,
        achievementRate: achievementRate(indicator.kind, indicator.direction, t, a),
        targetRevised: revisedYears.has(fiscalYear),
        targetEdition: target?.effectiveEdition ?? null,
        actualEdition: actual?.effectiveEdition ?? null,
      };
    });
}
