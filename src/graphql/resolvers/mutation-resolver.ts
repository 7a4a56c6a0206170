import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { NOW } from '../../../projections/queries/as-of';
import type { RecordValueResult } from '../../application/record-value';
import type { RequestContext } from '../context';
import { badInput, notFound } from '../errors';
import { qualifiedId, splitQualifiedId } from '../../domain/ids';
import { qualifiedIdIn } from '../request-scope';
import { authorizeMutationField } from '../mutation-authorization';
import { ValueKind } from '../types/enums';
import { Indicator } from '../types/indicator-types';
import { ImportReportInput, LinkIndicatorInput, RecordValueInput } from '../types/inputs';
import { ImportResult } from '../types/ledger-types';
import { ImportEvaluationReportPayload, RecordIndicatorValuePayload } from '../types/mutation-payloads';
import { eventsAt } from './mutation-events';

// Every field is nullable (the contract): a refused or failed field is null with its error, and the
// fields before it in the same request keep their answers. Authorization of all of a request's root
// fields is decided before the first of them writes (mutation-authorization.ts).

async function importReport(input: ImportReportInput, context: RequestContext, info: GraphQLResolveInfo) {
  await authorizeMutationField(context, info, { input });
  const summary = await context.ledger.importReport(input.text, {
    municipality: input.municipality ?? null,
    actor: context.actor,
    reason: input.reason ?? null,
    dryRun: input.dryRun ?? false,
  });
  context.forgetViews();
  // The API's ids are qualified by their municipality; the importer speaks them as the report does.
  const changes = summary.changes.map((change) => ({ ...change, indicatorId: qualifiedId(summary.municipality, change.indicatorId), kind: change.kind as ValueKind }));
  const result: ImportResult = { ...summary, changes };
  return { summary, result };
}

async function recordValue(input: RecordValueInput, context: RequestContext, info: GraphQLResolveInfo): Promise<{ recorded: RecordValueResult; indicator: Indicator }> {
  await authorizeMutationField(context, info, { input });
  const qualified = qualifiedIdIn(context, input.indicatorId, null);
  if (qualified === null) throw notFound(`no indicator with id ${JSON.stringify(input.indicatorId)}`);
  const { municipality, localId } = splitQualifiedId(qualified);
  const recorded = await context.ledger.recordValue(
    municipality ?? '',
    {
      indicatorId: localId,
      fiscalYear: input.fiscalYear,
      kind: input.kind,
      value: input.value ?? null,
      text: input.text ?? null,
      reason: input.reason,
      expectedRevision: input.expectedRevision ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
    },
    context.actor,
  );
  context.forgetViews();
  const indicator = await context.view(NOW).indicator.load(qualified);
  if (!indicator) throw notFound(`no indicator with id ${JSON.stringify(input.indicatorId)}`);
  return { recorded, indicator };
}

async function linkIndicator(input: LinkIndicatorInput, context: RequestContext, info: GraphQLResolveInfo): Promise<Indicator> {
  await authorizeMutationField(context, info, { input });
  const to = qualifiedIdIn(context, input.to, null);
  if (to === null) throw notFound(`no indicator with id ${JSON.stringify(input.to)}`);
  const { municipality, localId } = splitQualifiedId(to);
  // Unqualified, `from` is of the municipality `to` names: a link never crosses municipalities.
  const from = splitQualifiedId(input.from);
  if (from.municipality !== null && from.municipality !== municipality) {
    throw badInput(`${input.from} and ${input.to} are of two municipalities: a rename stays in one`, 'from');
  }
  await context.ledger.linkIndicator(municipality ?? '', { from: from.localId, to: localId, reason: input.reason }, context.actor);
  context.forgetViews();
  const indicator = await context.view(NOW).indicator.load(to);
  if (!indicator) throw notFound(`no indicator with id ${JSON.stringify(input.to)}`);
  return indicator;
}

@Resolver()
export class MutationResolver {
  @Mutation(() => Indicator, {
    nullable: true,
    description:
      'Links an indicator a later edition renamed (from) to its new name (to), with the reason: what was stated under from becomes to\'s, and from answers to. Made by a person: imports never link. Extension',
  })
  async linkIndicator(@Arg('input', () => LinkIndicatorInput) input: LinkIndicatorInput, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Indicator> {
    return linkIndicator(input, context, info);
  }

  @Mutation(() => ImportResult, { nullable: true, description: 'Imports one annual evaluation report (the text of 実施計画兼予算要求書（検証） and 施策 sheets).' })
  async importReport(@Arg('input', () => ImportReportInput) input: ImportReportInput, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ImportResult> {
    return (await importReport(input, context, info)).result;
  }

  @Mutation(() => ImportEvaluationReportPayload, {
    nullable: true,
    description: 'importReport, answering with the indicators it changed and the events it appended (ImportEvaluationReportPayload.events).',
  })
  async importEvaluationReport(
    @Arg('input', () => ImportReportInput) input: ImportReportInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ImportEvaluationReportPayload> {
    const { summary, result } = await importReport(input, context, info);
    const changed = [...new Set(summary.changes.map((change) => qualifiedId(summary.municipality, change.indicatorId)))];
    const loaded = summary.dryRun ? [] : await Promise.all(changed.map((id) => context.view(NOW).indicator.load(id)));
    return Object.assign(new ImportEvaluationReportPayload(), {
      result,
      indicators: loaded.filter((indicator): indicator is Indicator => indicator !== null),
      // One import is one atomic append: its events hold consecutive positions ending at summary.position.
      afterPosition: summary.position - summary.eventsAppended,
      lastPosition: summary.position,
    });
  }

  @Mutation(() => Indicator, { nullable: true, description: 'Records one target or actual outside a report, with the reason for it.' })
  async recordValue(@Arg('input', () => RecordValueInput) input: RecordValueInput, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Indicator> {
    return (await recordValue(input, context, info)).indicator;
  }

  @Mutation(() => RecordIndicatorValuePayload, {
    nullable: true,
    description: 'recordValue, answering with the indicator, its new revision and the event the edit appended.',
  })
  async recordIndicatorValue(
    @Arg('input', () => RecordValueInput) input: RecordValueInput,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RecordIndicatorValuePayload> {
    const { recorded, indicator } = await recordValue(input, context, info);
    return { indicator, revision: recorded.revision, alreadyRecorded: recorded.alreadyRecorded, events: eventsAt(context, recorded.position - 1, recorded.position) };
  }
}
