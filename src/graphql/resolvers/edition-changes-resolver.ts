// Query.editionChanges: the read model's three edition-changes queries (projections/queries/edition-changes.ts)
// as the contract's types. Indicators and projects are the present ones, loaded as every other field loads them.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { NOW } from '../../../projections/queries/as-of';
import type { EditionEntityRow, ValueRevisionRow } from '../../../projections/queries/edition-changes';
import { fiscalYearLabel } from '../../domain/fiscal-year';
import { eased, easedAfterMiss } from '../../domain/target-easing';
import type { RequestContext } from '../context';
import { badInput } from '../errors';
import { readScope } from '../request-scope';
import { DepartmentMove, EditionChanges, ValueRevision } from '../types/edition-changes';
import { ValueKind } from '../types/enums';
import { Indicator } from '../types/indicator-types';
import { Project } from '../types/plan-types';

const present = <T>(loaded: ReadonlyArray<T | null | Error>): T[] => loaded.filter((item): item is T => item !== null && !(item instanceof Error));

function toRevision(row: ValueRevisionRow, indicator: Indicator): ValueRevision {
  const revised = { kind: row.kind, from: row.from, to: row.to };
  const earlier = row.missYear === null ? null : { target: row.missTarget, actual: row.missActual };
  return {
    indicator,
    fiscalYear: row.fiscalYear,
    kind: row.kind === 'TARGET' ? ValueKind.TARGET : ValueKind.ACTUAL,
    fromEdition: row.fromEdition,
    from: row.from,
    fromText: row.fromText,
    to: row.to,
    toText: row.toText,
    delta: row.from === null || row.to === null ? null : row.to - row.from,
    eased: eased(indicator, revised),
    easedAfterMiss: easedAfterMiss(indicator, revised, earlier),
    reason: row.reason,
  };
}

/** A municipality's edition (named, or the only municipality held); BAD_USER_INPUT naming the editions it holds. */
export function editionChangesOf(context: RequestContext, named: string | null, edition: number): EditionChanges {
  const municipality = readScope(context, named);
  const held = context.view(NOW).importedEditions().filter((row) => row.municipality === municipality).map((row) => row.fiscalYear);
  if (municipality === null || !held.includes(edition)) {
    const holds = held.length === 0 ? 'none has been imported yet' : `the ledger holds ${held.join(', ')}`;
    throw badInput(`edition ${edition} names no edition imported: ${holds}`, 'edition');
  }
  return Object.assign(new EditionChanges(), { municipality, edition, label: fiscalYearLabel(edition) });
}

@Resolver(() => EditionChanges)
export class EditionChangesResolver {
  @Query(() => EditionChanges, { description: 'What one edition changed; municipality as in every root field (README.md, Municipalities)' })
  editionChanges(
    @Arg('edition', () => Int) edition: number,
    @Arg('municipality', () => ID, { nullable: true }) municipality: string | null,
    @Ctx() context: RequestContext,
  ): EditionChanges {
    return editionChangesOf(context, municipality, edition);
  }

  @FieldResolver(() => [ValueRevision], { description: 'Every target or actual this edition states differently from the statement current before it' })
  async revisions(@Root() changes: EditionChanges, @Ctx() context: RequestContext): Promise<ValueRevision[]> {
    const view = context.view(NOW);
    const rows = await view.editionRevisions.load(changes);
    const indicators = await view.indicator.loadMany(rows.map((row) => row.indicatorId));
    return rows.flatMap((row, n) => {
      const indicator = indicators[n];
      return indicator && !(indicator instanceof Error) ? [toRevision(row, indicator)] : [];
    });
  }

  @FieldResolver(() => [Indicator], { description: 'Indicators this edition reports that no earlier edition did' })
  async addedIndicators(@Root() changes: EditionChanges, @Ctx() context: RequestContext): Promise<Indicator[]> {
    return present(await context.view(NOW).indicator.loadMany(await this.ids(changes, context, 'added', 'indicator')));
  }

  @FieldResolver(() => [Indicator], { description: 'Indicators the previous edition reported and this one does not (absence, not deletion)' })
  async droppedIndicators(@Root() changes: EditionChanges, @Ctx() context: RequestContext): Promise<Indicator[]> {
    return present(await context.view(NOW).indicator.loadMany(await this.ids(changes, context, 'dropped', 'indicator')));
  }

  @FieldResolver(() => [Project])
  async addedProjects(@Root() changes: EditionChanges, @Ctx() context: RequestContext): Promise<Project[]> {
    return present(await context.view(NOW).project.loadMany(await this.ids(changes, context, 'added', 'project')));
  }

  @FieldResolver(() => [Project])
  async droppedProjects(@Root() changes: EditionChanges, @Ctx() context: RequestContext): Promise<Project[]> {
    return present(await context.view(NOW).project.loadMany(await this.ids(changes, context, 'dropped', 'project')));
  }

  @FieldResolver(() => [DepartmentMove], { description: 'Measures and projects whose 所属 this edition states differently' })
  departmentMoves(@Root() changes: EditionChanges, @Ctx() context: RequestContext): Promise<DepartmentMove[]> {
    return context.view(NOW).departmentMoves.load(changes);
  }

  private async ids(changes: EditionChanges, context: RequestContext, change: EditionEntityRow['change'], type: EditionEntityRow['type']) {
    const rows = await context.view(NOW).editionEntityChanges.load(changes);
    return rows.filter((row) => row.change === change && row.type === type).map((row) => row.id);
  }
}
