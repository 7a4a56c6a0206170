// What the payload mutations answer: everything a normalized client cache needs after a write, so an
// edit needs no second read (the indicator with its new revision, and the events it appended).
import { Field, Int, ObjectType } from 'type-graphql';
import { Indicator } from './indicator-types';
import { AuditEvent, ImportResult } from './ledger-types';

@ObjectType({ simpleResolvers: true, description: 'What recordIndicatorValue did.' })
export class RecordIndicatorValuePayload {
  @Field(() => Indicator, { description: 'The indicator as it is now, the recorded value included' }) indicator!: Indicator;
  @Field(() => Int, { description: "The indicator stream's revision after the edit: the next edit's expectedRevision" }) revision!: number;
  @Field(() => Boolean, { description: 'True when this was a retry (same idempotencyKey) of an edit already recorded: nothing new was appended' })
  alreadyRecorded!: boolean;
  @Field(() => [AuditEvent], { description: 'The event the edit appended (on a retry, the one its first call appended), as auditTrail shows it' })
  events!: AuditEvent[];
}

@ObjectType({ description: 'What importEvaluationReport did.' })
export class ImportEvaluationReportPayload {
  @Field(() => ImportResult, { description: 'The same summary importReport answers' }) result!: ImportResult;
  @Field(() => [Indicator], { description: 'The indicators whose current values the import changed, as they are now (none on a dry run)' })
  indicators!: Indicator[];
  /** The log positions the import appended: (afterPosition, lastPosition]. */
  afterPosition!: number;
  lastPosition!: number;
}
