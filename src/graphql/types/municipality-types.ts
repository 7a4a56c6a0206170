import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Municipality as TableEntry } from '../../domain/municipalities/municipality-table';

@ObjectType({ description: 'A local government (地方公共団体), named by its 6-digit 全国地方公共団体コード: the JIS X 0402 code and its check digit.' })
export class Municipality {
  @Field(() => ID, { description: 'e.g. 062073' }) code!: string;
  @Field(() => String, { description: 'e.g. 上山市' }) name!: string;
  @Field(() => String, { description: 'e.g. 山形県' }) prefecture!: string;
}

export const toMunicipality = (entry: TableEntry): Municipality =>
  Object.assign(new Municipality(), { code: entry.code, name: entry.name, prefecture: entry.prefecture });

@ObjectType({ simpleResolvers: true, description: "One municipality's totals for one fiscal year, for side-by-side comparison across municipalities." })
export class MunicipalitySummary {
  @Field(() => Municipality) municipality!: Municipality;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => Float, { nullable: true, description: 'Sum of COST targets (thousand yen); null where no value entered the sum' }) budget!: number | null;
  @Field(() => Float, { nullable: true, description: 'Sum of COST actuals (thousand yen)' }) spending!: number | null;
  @Field(() => Float, { nullable: true, description: 'spending / budget over the projects that state both' }) executionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Sum of STAFFING targets' }) staffing!: number | null;
  @Field(() => Int, { description: 'OUTCOME and ACTIVITY indicators with both target and actual' }) measured!: number;
  @Field(() => Int, { description: 'Of those, achievementRate >= 1' }) achieved!: number;
  @Field(() => Int, { description: 'Targets of this fiscal year that more than one edition stated differently' }) revisedTargets!: number;
}
