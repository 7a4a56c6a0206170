import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLISODateTime } from 'type-graphql';
import type { OwnerType } from '../../../events/vocabulary';
import { Direction, IndicatorKind, ValueKind } from './enums';
import { Node } from './node-types';
import { AtPointInTime, ID_AT_POINT, STABLE_ID } from './plan-types';
import { idAt } from '../point-ids';

@ObjectType({ simpleResolvers: true, implements: Node })
export class Indicator extends AtPointInTime implements Node {
  /** The stable id (062073:5-1-1/NPO法人数), whatever the point in time: what every read and write looks up. */
  id!: string;
  /** Its municipality's code. */
  municipality!: string;
  readonly nodeType = 'Indicator';
  @Field(() => ID, { name: 'id', simple: false, description: `Stable: the same indicator keeps its id across editions and rebuilds. ${ID_AT_POINT}` })
  get nodeId(): string {
    return idAt(this.id, this.asOf);
  }
  @Field(() => ID, { description: STABLE_ID }) get stableId(): string {
    return this.id;
  }
  @Field(() => String) name!: string;
  @Field(() => IndicatorKind) kind!: IndicatorKind;
  @Field(() => String, { nullable: true, description: '団体, %, 回, 人, 千円, 人工 ...' }) unit!: string | null;
  @Field(() => Direction) direction!: Direction;
  ownerType!: OwnerType;
  ownerId!: string;
}

@ObjectType({ simpleResolvers: true })
export class IndicatorValue {
  @Field(() => ID, { description: 'The indicator\'s id and the fiscal year (with the point in time of a past view): a client cache keeps each year apart' })
  id!: string;
  @Field(() => Int, { description: 'The Gregorian year the fiscal year starts in: 2021 is 令和3年度' }) fiscalYear!: number;
  @Field(() => String, { description: 'e.g. 令和3年度' }) fiscalYearLabel!: string;
  @Field(() => Float, { nullable: true }) target!: number | null;
  @Field(() => Float, { nullable: true }) actual!: number | null;
  @Field(() => String, { nullable: true, description: 'The cell as published, e.g. 17 団体, —, or a goal-state sentence' })
  targetText!: string | null;
  @Field(() => String, { nullable: true }) actualText!: string | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'actual/target for HIGHER_IS_BETTER and COST (the execution rate), target/actual for LOWER_IS_BETTER;\nnull when either is missing, the target is 0, or the direction is NONE',
  })
  achievementRate!: number | null;
  @Field(() => Boolean, { description: 'More than one distinct target has been stated for this year' }) targetRevised!: boolean;
  @Field(() => Int, { nullable: true, description: 'The edition whose statement of the target is the answer (extension)' })
  targetEdition!: number | null;
  @Field(() => Int, { nullable: true, description: 'The edition whose statement of the actual is the answer (extension)' })
  actualEdition!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'Where a statement stands in what was imported: the document, and its line or sheet and cell' })
export class StatementSource {
  @Field(() => String, { nullable: true, description: 'The file name given to the import (null for a report given as text)' }) file!: string | null;
  @Field(() => String, { description: 'SHA-256 of the document imported (a statements file or sheet: of its bytes)' }) sha256!: string;
  @Field(() => String, { nullable: true, description: 'The workbook sheet; null for text and CSV' }) sheet!: string | null;
  @Field(() => Int, { nullable: true, description: '1-based line in a text report or CSV file; null in a workbook' }) line!: number | null;
  @Field(() => String, { nullable: true, description: 'The first cell (A1) of the row that stated it, in a workbook' }) cell!: string | null;
  @Field(() => String, { nullable: true, description: 'The layout the sheet was read through, name@version' }) layout!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Revision {
  @Field(() => ID, { description: 'The id of the event that made this statement: a statement never changes' }) id!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field(() => Float, { nullable: true }) previousValue!: number | null;
  @Field(() => String, { nullable: true }) previousText!: string | null;
  @Field(() => Int, { nullable: true, description: 'The report it came from; null for a direct edit' }) edition!: number | null;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
  @Field(() => String) actor!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => StatementSource, { nullable: true, description: 'Where the statement was imported from; null for a direct edit' })
  source!: StatementSource | null;
}

@ObjectType({ simpleResolvers: true })
export class ValueChange {
  @Field(() => Int) fiscalYear!: number;
  @Field(() => ValueKind) kind!: ValueKind;
  @Field(() => Int) fromEdition!: number;
  @Field(() => Int) toEdition!: number;
  @Field(() => Float, { nullable: true }) from!: number | null;
  @Field(() => Float, { nullable: true }) to!: number | null;
  @Field(() => String, { nullable: true }) fromText!: string | null;
  @Field(() => String, { nullable: true }) toText!: string | null;
  @Field(() => Float, { nullable: true }) delta!: number | null;
  @Field(() => Boolean) changed!: boolean;
  @Field(() => ID, { nullable: true, description: 'The indicator whose value changed (extension; set in ImportResult.changes)' })
  indicatorId!: string | null;
}
