import { GraphQLISODateTime } from 'type-graphql';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ValueKind } from './enums';

@InputType({
  description:
    'Selects a past view of the ledger; leaving it out means now.\nrecordedAt: what the ledger held at that instant (system time).\nedition: as published up to and including that fiscal year\'s report; later editions are ignored.\nBoth may be given together.',
})
export class PointInTime {
  @Field(() => GraphQLISODateTime, { nullable: true })
  recordedAt?: Date | null;

  @Field(() => Int, { nullable: true })
  edition?: number | null;
}

@InputType()
export class ProjectFilter {
  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => String, { nullable: true })
  measureCode?: string | null;

  @Field(() => String, { nullable: true })
  nameContains?: string | null;
}

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true })
  streamId?: string | null;

  @Field(() => String, { nullable: true })
  actor?: string | null;

  @Field(() => String, { nullable: true })
  eventType?: string | null;

  @Field(() => Int, { nullable: true })
  edition?: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Code or unambiguous name: only the events of that municipality' })
  municipality?: string | null;
}

@InputType()
export class ImportReportInput {
  @Field(() => String)
  text!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  dryRun?: boolean | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => ID, { nullable: true, description: 'Code or unambiguous name; required unless the ledger holds exactly one municipality' })
  municipality?: string | null;
}

@InputType({ description: 'A renamed indicator (from) and the one it continues as (to), of one municipality' })
export class LinkIndicatorInput {
  @Field(() => ID, { description: 'The indicator as earlier editions named it' })
  from!: string;

  @Field(() => ID, { description: 'The indicator as later editions name it: what from stated becomes its own' })
  to!: string;

  @Field(() => String)
  reason!: string;
}

@InputType()
export class RecordValueInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => ValueKind)
  kind!: ValueKind;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => String)
  reason!: string;

  @Field(() => Int, { nullable: true, description: "Optimistic concurrency: the revision of the indicator's stream the client last read" })
  expectedRevision?: number | null;

  @Field(() => String, { nullable: true, description: 'Retrying with the same key appends nothing new' })
  idempotencyKey?: string | null;
}
