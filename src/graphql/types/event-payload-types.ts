// One GraphQL object type per event type of the catalogue, so a client reads an event's payload with
// types (`... on TargetSetPayload { value }`) instead of an untyped JSONObject. Each class implements
// its event's payload type: a field the event gains and the class lacks is a compile error here.
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import type { FieldChange } from '../../../events/common';
import type { EditionImportedData } from '../../../events/edition-events';
import type { IndicatorDefinedData, IndicatorLinkedData, IndicatorNotReportedData, IndicatorReportedData, ValueStatedData } from '../../../events/indicator-events';
import type { MeasureNotReportedData, MeasureRegisteredData, MeasureReportedData } from '../../../events/measure-events';
import type { ProjectNotReportedData, ProjectRegisteredData, ProjectReportedData } from '../../../events/project-events';
import type { JsonValue } from '../../shared/json';
import type { Direction as DirectionWord, IndicatorKind as IndicatorKindWord, OwnerType } from '../../../events/vocabulary';
import { Direction, IndicatorKind } from './enums';

/** A field an edition restated: what the ledger held before and what the edition said. */
@ObjectType({ simpleResolvers: true })
export class FieldChangeEntry implements FieldChange {
  @Field(() => String) field!: string;
  @Field(() => GraphQLJSON, { nullable: true }) from!: JsonValue;
  @Field(() => GraphQLJSON, { nullable: true }) to!: JsonValue;
}

/** The payloads whose `changes` are a list here rather than a JSON object keyed by field. */
type Listed<Data> = Omit<Data, 'changes'> & { changes: FieldChangeEntry[] };

@ObjectType({ simpleResolvers: true })
export class MeasureRegisteredPayload implements MeasureRegisteredData {
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
}

@ObjectType({ simpleResolvers: true })
export class MeasureReportedPayload implements Listed<MeasureReportedData> {
  @Field(() => String) code!: string;
  @Field(() => Int) edition!: number;
  @Field(() => [FieldChangeEntry]) changes!: FieldChangeEntry[];
}

@ObjectType({ simpleResolvers: true })
export class MeasureNotReportedPayload implements MeasureNotReportedData {
  @Field(() => String) code!: string;
  @Field(() => Int) edition!: number;
  @Field(() => Int) chapter!: number;
  @Field(() => Int) lastReported!: number;
}

@ObjectType({ simpleResolvers: true })
export class ProjectRegisteredPayload implements ProjectRegisteredData {
  @Field(() => ID) projectId!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ simpleResolvers: true })
export class ProjectReportedPayload implements Listed<ProjectReportedData> {
  @Field(() => ID) projectId!: string;
  @Field(() => Int) edition!: number;
  @Field(() => [FieldChangeEntry]) changes!: FieldChangeEntry[];
}

@ObjectType({ simpleResolvers: true })
export class ProjectNotReportedPayload implements ProjectNotReportedData {
  @Field(() => ID) projectId!: string;
  @Field(() => Int) edition!: number;
  @Field(() => [Int]) chapters!: number[];
  @Field(() => Int) lastReported!: number;
}

@ObjectType({ simpleResolvers: true })
export class IndicatorDefinedPayload implements IndicatorDefinedData {
  @Field(() => ID) indicatorId!: string;
  @Field(() => String, { description: 'measure or project' }) ownerType!: OwnerType;
  @Field(() => String) ownerId!: string;
  @Field(() => IndicatorKind) kind!: IndicatorKindWord;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => Direction) direction!: DirectionWord;
}

@ObjectType({ simpleResolvers: true })
export class IndicatorReportedPayload implements Listed<IndicatorReportedData> {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) edition!: number;
  @Field(() => [FieldChangeEntry]) changes!: FieldChangeEntry[];
  @Field(() => [String], { nullable: true, description: 'The cells the edition stated, as <fiscalYear>:<TARGET|ACTUAL>; null when unknown' })
  cells!: string[] | null;
}

@ObjectType({ simpleResolvers: true })
export class IndicatorNotReportedPayload implements IndicatorNotReportedData {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) edition!: number;
  @Field(() => String, { description: 'measure or project' }) ownerType!: OwnerType;
  @Field(() => String) ownerId!: string;
  @Field(() => Int) lastReported!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A person linked a renamed indicator (indicatorId) to the one it continues as (to)' })
export class IndicatorLinkedPayload implements IndicatorLinkedData {
  @Field(() => ID) indicatorId!: string;
  @Field(() => String) ownerId!: string;
  @Field(() => ID) to!: string;
  @Field(() => String) toOwnerId!: string;
}

/** What the four value events state: a target or an actual for a fiscal year, and what it replaced. */
@InterfaceType('ValueStatedPayload', { description: 'What the four value events state (TargetSet, TargetRevised, ActualRecorded, ActualRevised)' })
export abstract class ValueStatedFields implements ValueStatedData {
  @Field(() => ID) indicatorId!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field(() => Float, { nullable: true }) previousValue!: number | null;
  @Field(() => String, { nullable: true }) previousText!: string | null;
  @Field(() => Int) effectiveEdition!: number;
}

@ObjectType({ simpleResolvers: true, implements: ValueStatedFields })
export class TargetSetPayload extends ValueStatedFields {}
@ObjectType({ simpleResolvers: true, implements: ValueStatedFields })
export class TargetRevisedPayload extends ValueStatedFields {}
@ObjectType({ simpleResolvers: true, implements: ValueStatedFields })
export class ActualRecordedPayload extends ValueStatedFields {}
@ObjectType({ simpleResolvers: true, implements: ValueStatedFields })
export class ActualRevisedPayload extends ValueStatedFields {}

@ObjectType({ simpleResolvers: true })
export class EditionImportedPayload implements EditionImportedData {
  @Field(() => Int) fiscalYear!: number;
  @Field(() => String) label!: string;
  @Field(() => String) sourceSha256!: string;
  @Field(() => Int) eventCount!: number;
  @Field(() => Int) measures!: number;
  @Field(() => Int) projects!: number;
  @Field(() => Int) indicators!: number;
}
