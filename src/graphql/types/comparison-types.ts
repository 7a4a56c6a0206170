import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Indicator, IndicatorValue } from './indicator-types';

@ObjectType({ simpleResolvers: true })
export class IndicatorComparison {
  @Field(() => Indicator) indicator!: Indicator;
  @Field(() => IndicatorValue, { nullable: true }) base!: IndicatorValue | null;
  @Field(() => IndicatorValue, { nullable: true }) compare!: IndicatorValue | null;
  @Field(() => Float, { nullable: true }) targetDelta!: number | null;
  @Field(() => Float, { nullable: true }) actualDelta!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'null where no value entered the sum' })
export class YearPair {
  @Field(() => Float, { nullable: true }) base!: number | null;
  @Field(() => Float, { nullable: true }) compare!: number | null;
  @Field(() => Float, { nullable: true }) delta!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class YearCount {
  @Field(() => Int) base!: number;
  @Field(() => Int) compare!: number;
  @Field(() => Int) delta!: number;
}

@ObjectType({ simpleResolvers: true })
export class ComparisonTotals {
  @Field(() => YearPair, { description: 'Sum of COST targets, thousand yen' }) budget!: YearPair;
  @Field(() => YearPair, { description: 'Sum of COST actuals, thousand yen' }) spending!: YearPair;
  @Field(() => YearPair, { description: 'Sum of STAFFING targets' }) staffing!: YearPair;
  @Field(() => YearCount, { description: 'OUTCOME and ACTIVITY indicators with both target and actual whose achievementRate >= 1' })
  achieved!: YearCount;
  @Field(() => YearCount, { description: 'OUTCOME and ACTIVITY indicators with both target and actual' }) measured!: YearCount;
}

@ObjectType({ simpleResolvers: true })
export class FiscalYearComparison {
  @Field(() => Int) base!: number;
  @Field(() => Int) compare!: number;
  @Field(() => [IndicatorComparison]) indicators!: IndicatorComparison[];
  @Field(() => ComparisonTotals) totals!: ComparisonTotals;
}
