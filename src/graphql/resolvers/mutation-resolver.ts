import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { NOW } from '../../../projections/queries/as-of';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { requireAdmin, requireEditorOfIndicator } from '../guards';
import { ValueKind } from '../types/enums';
import { Indicator } from '../types/indicator-types';
import { ImportReportInput, RecordValueInput } from '../types/inputs';
import { ImportResult } from '../types/ledger-types';

@Resolver()
export class MutationResolver {
  @Mutation(() => ImportResult, { description: 'Imports one annual evaluation report (the text of 実施計画兼予算要求書（検証） and 施策 sheets).' })
  async importReport(@Arg('input', () => ImportReportInput) input: ImportReportInput, @Ctx() context: RequestContext): Promise<ImportResult> {
    requireAdmin(context, 'importReport');
    const summary = await context.ledger.importReport(input.text, {
      actor: context.actor,
      reason: input.reason ?? null,
      dryRun: input.dryRun ?? false,
    });
    return { ...summary, changes: summary.changes.map((change) => ({ ...change, kind: change.kind as ValueKind })) };
  }

  @Mutation(() => Indicator, { description: 'Records one target or actual outside a report, with the reason for it.' })
  async recordValue(@Arg('input', () => RecordValueInput) input: RecordValueInput, @Ctx() context: RequestContext): Promise<Indicator> {
    await requireEditorOfIndicator(context, input.indicatorId);
    await context.ledger.recordValue(
      {
        indicatorId: input.indicatorId,
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
    const indicator = await context.view(NOW).indicator.load(input.indicatorId);
    if (!indicator) throw notFound(`no indicator with id ${JSON.stringify(input.indicatorId)}`);
    return indicator;
  }
}
