// Everything one request reads at one point in time, batched: each loader turns the ids a query's
// resolvers ask for in one tick into one set-based read of the read model.
import DataLoader from 'dataloader';
import { isNow, type AsOf } from '../../projections/queries/as-of';
import type { AuditFilter, AuditWindow } from '../../projections/queries/audit-queries';
import type { DepartmentMoveRow, EditionEntityRow, ValueRevisionRow } from '../../projections/queries/edition-changes';
import type { EditionRow } from '../../projections/queries/edition-queries';
import type { EntityRecord } from '../../projections/queries/entity-queries';
import type { PresentReads } from '../../projections/queries/present-reads';
import type { RevisionRow, ValuesNow } from '../../projections/queries/value-queries';
import type { EntityType } from '../../projections/plan-entities';
import type { ValueKind } from '../../events/vocabulary';
import type { ReadModel } from '../application/read-model';
import { toIndicator, toIndicatorValues, toMeasure, toProject } from './mappers';
import type { Indicator, IndicatorValue } from './types/indicator-types';
import type { Measure, Project } from './types/plan-types';

const byCode = (a: Measure, b: Measure) => a.code.localeCompare(b.code, 'en', { numeric: true });

export class PointInTimeView {
  /** Where reads of now go (the present held in memory), when this view is of now and the ledger keeps one. */
  private readonly present: PresentReads | null;

  constructor(
    private readonly readModel: ReadModel,
    readonly asOf: AsOf,
  ) {
    this.present = isNow(asOf) ? readModel.present : null;
  }

  private records(type: EntityType, ids: readonly string[]): Map<string, EntityRecord> {
    return this.present ? this.present.entityRecords(type, ids) : this.readModel.entityRecords(type, this.asOf, ids);
  }

  private entityLoader<T>(type: EntityType, map: (record: EntityRecord, asOf: AsOf) => T) {
    return new DataLoader<string, T | null>(async (ids) => {
      const records = this.records(type, ids);
      return ids.map((id) => {
        const record = records.get(id);
        return record ? map(record, this.asOf) : null;
      });
    });
  }

  readonly measure = this.entityLoader('measure', toMeasure);
  readonly project = this.entityLoader('project', toProject);

  /** An id of an indicator linked away answers the indicator it continues as (whose rows hold its own). */
  readonly indicator = new DataLoader<string, Indicator | null>(async (ids) => {
    const records = this.records('indicator', ids);
    const missing = ids.filter((id) => !records.has(id));
    const linked = missing.length === 0 ? new Map<string, string>() : this.readModel.continuedAs(missing);
    const continued = linked.size === 0 ? new Map<string, EntityRecord>() : this.records('indicator', [...new Set(linked.values())]);
    return ids.map((id) => {
      const record = records.get(id) ?? continued.get(linked.get(id) ?? '');
      return record ? toIndicator(record, this.asOf) : null;
    });
  });

  /** The indicators linked to each (renamed away from it), in id order. */
  readonly linkedFrom = new DataLoader<string, readonly string[]>(async (ids) => {
    const linked = this.readModel.linkedFrom(ids);
    return ids.map((id) => linked.get(id) ?? []);
  });

  readonly indicatorsOf = new DataLoader<string, Indicator[]>(async (ownerIds) => {
    const owned = this.present ? this.present.indicatorsOwned(ownerIds) : this.readModel.indicatorsOwned(ownerIds, this.asOf);
    return Promise.all(
      ownerIds.map(async (id) =>
        (await this.indicator.loadMany(owned.get(id) ?? [])).filter((i): i is Indicator => i !== null && !(i instanceof Error)),
      ),
    );
  });

  readonly values = new DataLoader<Indicator, IndicatorValue[], string>(
    async (indicators) => {
      const ids = indicators.map((i) => i.id);
      const byIndicator = this.present ? this.present.valuesNow(ids) : isNow(this.asOf) ? this.readModel.valuesNow(ids) : this.valuesThen(ids);
      return indicators.map((indicator) => {
        const own = byIndicator.get(indicator.id);
        return toIndicatorValues(indicator, own?.values ?? [], own?.revisedYears ?? new Set());
      });
    },
    { cacheKeyFn: (indicator) => indicator.id },
  );

  /** valuesNow's answer at an earlier point in time, from the value history. */
  private valuesThen(ids: readonly string[]): Map<string, ValuesNow> {
    const revised = this.readModel.revisedValues(ids, 'TARGET', this.asOf);
    // Grouped once: a comparison asks for every indicator at the same time.
    const byIndicator = new Map<string, ValuesNow>();
    for (const value of this.readModel.valuesOf(ids, this.asOf)) {
      let then = byIndicator.get(value.indicatorId);
      if (!then) {
        then = { values: [], revisedYears: new Set() };
        byIndicator.set(value.indicatorId, then);
      }
      then.values.push(value);
      if (value.kind === 'TARGET' && revised.has(`${value.indicatorId}:${value.fiscalYear}`)) then.revisedYears.add(value.fiscalYear);
    }
    return byIndicator;
  }

  readonly editions = new DataLoader<string, readonly number[]>(async (ids) => {
    const editions = this.present ? this.present.entityEditions(ids) : this.readModel.entityEditions(ids, this.asOf);
    return ids.map((id) => editions.get(id) ?? []);
  });

  private readonly statementsMemo = new Map<string, readonly RevisionRow[]>();

  /** Every statement of one value up to this point's position, read once for `history` and `change` alike. */
  statements(indicatorId: string, fiscalYear: number, kind: ValueKind): readonly RevisionRow[] {
    if (this.present) return this.present.valueStatements(indicatorId, fiscalYear, kind);
    const key = `${indicatorId}\u0000${fiscalYear}\u0000${kind}`;
    let statements = this.statementsMemo.get(key);
    if (!statements) {
      statements = this.readModel.valueStatements(indicatorId, fiscalYear, kind, this.asOf.position);
      this.statementsMemo.set(key, statements);
    }
    return statements;
  }

  private readonly measuresMemo = new Map<string | null, Promise<Measure[]>>();
  private readonly projectsMemo = new Map<string | null, Promise<Project[]>>();

  /** Every measure of a municipality (null: of every one), in code order. */
  allMeasures(municipality: string | null): Promise<Measure[]> {
    let measures = this.measuresMemo.get(municipality);
    if (!measures) {
      const records = this.readModel.entityRecords('measure', this.asOf, null, municipality);
      measures = Promise.resolve([...records.values()].map((r) => toMeasure(r, this.asOf)).sort(byCode));
      this.measuresMemo.set(municipality, measures);
    }
    return measures;
  }

  /** Every indicator of a municipality (null: of every one), in the order the read model keeps them. */
  allIndicators(municipality: string | null): Indicator[] {
    return [...this.readModel.entityRecords('indicator', this.asOf, null, municipality).values()].map((r) => toIndicator(r, this.asOf));
  }

  /** Every project of a municipality (null: of every one), in the order the log first named them. */
  allProjects(municipality: string | null): Promise<Project[]> {
    let projects = this.projectsMemo.get(municipality);
    if (!projects) {
      const records = this.readModel.entityRecords('project', this.asOf, null, municipality);
      projects = Promise.resolve([...records.values()].map((r) => toProject(r, this.asOf)).sort((a, b) => a.firstPosition - b.firstPosition));
      this.projectsMemo.set(municipality, projects);
    }
    return projects;
  }

  /** The editions imported so far, oldest first: the ledger's own history, the same at any point. */
  importedEditions(): readonly EditionRow[] {
    return this.readModel.editions();
  }

  // What a municipality's edition changed (Query.editionChanges), read once a request (the four added and
  // dropped lists share one read): like importedEditions, the ledger's own history, the same at any point.
  readonly editionRevisions = this.byEdition<ValueRevisionRow>((m, edition) => this.readModel.editionRevisions(m, edition));
  readonly editionEntityChanges = this.byEdition<EditionEntityRow>((m, edition) => this.readModel.editionEntityChanges(m, edition));
  readonly departmentMoves = this.byEdition<DepartmentMoveRow>((m, edition) => this.readModel.departmentMoves(m, edition));
  private byEdition<Row>(read: (municipality: string, edition: number) => Row[]) {
    type Key = { municipality: string; edition: number };
    return new DataLoader<Key, Row[], string>(async (keys) => keys.map((k) => read(k.municipality, k.edition)), {
      cacheKeyFn: (k) => `${k.municipality}:${k.edition}`,
    });
  }

  /** A stream's revision at this view's position in the log; null for a view of now (the store holds that). */
  streamRevision(streamId: string): number | null {
    return this.asOf.position === null ? null : this.readModel.streamRevisionAt(streamId, this.asOf.position);
  }

  /** One page of the log's audit trail. */
  auditPage(filter: AuditFilter, window: AuditWindow) {
    return this.readModel.auditPage(filter, window);
  }
}
