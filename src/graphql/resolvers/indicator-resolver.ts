import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { winningStatement } from '../../../projections/queries/value-queries';
import { assertFiscalYear } from '../../domain/invariants';
import { NOW } from '../../../projections/queries/as-of';
import type { RequestContext } from '../context';
import { checkEdition } from '../edition-range';
import { ValueKind } from '../types/enums';
import { Indicator, IndicatorValue, Revision, ValueChange } from '../types/indicator-types';
import { statementSource } from '../statement-source';
import { Measure, Project } from '../types/plan-types';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => Measure, { nullable: true })
  measure(@Root() indicator: Indicator, @Ctx() context: RequestContext): Promise<Measure | null> | null {
    return indicator.ownerType === 'measure' ? context.view(indicator.asOf).measure.load(indicator.ownerId) : null;
  }

  @FieldResolver(() => Project, { nullable: true })
  project(@Root() indicator: Indicator, @Ctx() context: RequestContext): Promise<Project | null> | null {
    return indicator.ownerType === 'project' ? context.view(indicator.asOf).project.load(indicator.ownerId) : null;
  }

  @FieldResolver(() => [ID], {
    description:
      'Indicators a person linked to this one (linkIndicator): renamed away from, their statements are this one\'s; their ids answer this indicator. Extension',
  })
  async linkedFrom(@Root() indicator: Indicator, @Ctx() context: RequestContext): Promise<readonly string[]> {
    return context.view(indicator.asOf).linkedFrom.load(indicator.id);
  }

  @FieldResolver(() => [IndicatorValue], { description: 'One entry per fiscal year that has any value, ascending' })
  values(@Root() indicator: Indicator, @Ctx() context: RequestContext): Promise<IndicatorValue[]> {
    return context.view(indicator.asOf).values.load(indicator);
  }

  @FieldResolver(() => IndicatorValue, { nullable: true })
  async value(
    @Root() indicator: Indicator,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Ctx() context: RequestContext,
  ): Promise<IndicatorValue | null> {
    assertFiscalYear(fiscalYear);
    const values = await context.view(indicator.asOf).values.load(indicator);
    return values.find((v) => v.fiscalYear === fiscalYear) ?? null;
  }

  @FieldResolver(() => [Revision], { description: 'Every statement of that value, oldest first' })
  history(
    @Root() indicator: Indicator,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('kind', () => ValueKind) kind: ValueKind,
    @Ctx() context: RequestContext,
  ): Revision[] {
    assertFiscalYear(fiscalYear);
    const { edition } = indicator.asOf;
    const statements = context.view(indicator.asOf).statements(indicator.id, fiscalYear, kind);
    return statements.filter((row) => edition === null || row.effectiveEdition <= edition).map((row) => ({
      id: row.eventId,
      eventId: row.eventId,
      value: row.value,
      text: row.text,
      previousValue: row.previousValue,
      previousText: row.previousText,
      edition: row.edition,
      recordedAt: new Date(row.recordedAt),
      actor: row.actor,
      reason: row.reason,
      source: statementSource(row.source),
    }));
  }

  @FieldResolver(() => ValueChange, { description: 'How one year\'s target or actual was stated in two editions' })
  change(
    @Root() indicator: Indicator,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('kind', () => ValueKind) kind: ValueKind,
    @Arg('fromEdition', () => Int) fromEdition: number,
    @Arg('toEdition', () => Int) toEdition: number,
    @Ctx() context: RequestContext,
  ): ValueChange {
    assertFiscalYear(fiscalYear);
    const imported = context.view(NOW).importedEditions();
    checkEdition(imported, fromEdition, 'fromEdition');
    checkEdition(imported, toEdition, 'toEdition');
    const statements = context.view(indicator.asOf).statements(indicator.id, fiscalYear, kind);
    const stated = (edition: number) => winningStatement(statements, edition);
    const from = stated(fromEdition);
    const to = stated(toEdition);
    const fromValue = from?.value ?? null;
    const toValue = to?.value ?? null;
    return {
      fiscalYear,
      kind,
      fromEdition,
      toEdition,
      from: fromValue,
      to: toValue,
      fromText: from?.text ?? null,
      toText: to?.text ?? null,
      delta: fromValue !== null && toValue !== null ? toValue - fromValue : null,
      changed: fromValue !== toValue || (from?.text ?? null) !== (to?.text ?? null),
      indicatorId: indicator.id,
    };
  }
}
