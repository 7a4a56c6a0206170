// Query.editionChanges: what one edition changed in what earlier editions had stated (contract:
// municipalities.graphql). The lists are field resolvers (EditionChangesResolver), each one query.
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ValueKind } from './enums';
import { Indicator } from './indicator-types';

@ObjectType({ simpleResolvers: true })
export class ValueRevision {
  @Field(() => Indicator) indicator!: Indicator;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => ValueKind) kind!: ValueKind;
  @Field(() => Int, { nullable: true, description: 'The edition of the statement this one replaces; null when that was a direct edit' })
  fromEdition!: number | null;
  @Field(() => Float, { nullable: true }) from!: number | null;
  @Field(() => String, { nullable: true }) fromText!: string | null;
  @Field(() => Float, { nullable: true }) to!: number | null;
  @Field(() => String, { nullable: true }) toText!: string | null;
  @Field(() => Float, { nullable: true, description: 'to - from, where both are numbers' }) delta!: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'An OUTCOME or ACTIVITY target made easier to meet: lowered for HIGHER_IS_BETTER, raised for LOWER_IS_BETTER; null for actuals, other kinds, NONE, and text',
  })
  eased!: boolean | null;
  @Field(() => Boolean, {
    description:
      "A target eased while the indicator's latest actual stated by this edition, for an earlier fiscal\nyear, fell short of that year's target (achievementRate < 1): the goalpost moved after a miss",
  })
  easedAfterMiss!: boolean;
  @Field(() => String, { nullable: true, description: 'The reason this edition gives (理由), where it gives one' }) reason!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class DepartmentMove {
  @Field(() => String, { description: 'measure or project' }) ownerType!: string;
  @Field(() => ID) ownerId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

/** The lists are resolved by EditionChangesResolver from `edition`; only those asked for are read. */
@ObjectType({ simpleResolvers: true, description: 'What one edition changed in what earlier editions of the same municipality had stated.' })
export class EditionChanges {
  /** The municipality's code. */
  municipality!: string;
  @Field(() => Int) edition!: number;
  @Field(() => String, { description: 'e.g. 令和4年度' }) label!: string;
}
