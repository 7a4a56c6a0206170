import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AsOf } from '../../../projections/queries/as-of';
import { idAt } from '../point-ids';
import { Node } from './node-types';

export const ID_AT_POINT =
  'Read at a point in time (`at`), it carries that point (e.g. `5-1-1@position=42,edition=2021`) so a normalized client cache keeps a past view apart from the present; Query.node and the id arguments take it back.';
export const STABLE_ID = 'The id outside any past view: the same at every point in time (equals id in the present)';

// Objects carry the point in time they were selected at, so nested fields answer from the same one.
export abstract class AtPointInTime {
  asOf!: AsOf;
}

/** What one municipality's plan is filed under: its code; null only for the plan of a ledger that holds none. */
export abstract class InMunicipality extends AtPointInTime {
  municipality!: string | null;
}

const scoped = (municipality: string | null, id: string): string => (municipality === null ? id : `${municipality}:${id}`);

@ObjectType({ simpleResolvers: true })
export class Goal {
  @Field(() => ID, { description: 'Its measure and number (with the point in time of a past view)' }) id!: string;
  @Field(() => Int) number!: number;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Plan extends InMunicipality {
  @Field(() => ID, { description: "One municipality's plan (062073:plan); a past view of it has its own id" }) get id(): string {
    return idAt(scoped(this.municipality, 'plan'), this.asOf);
  }
  @Field(() => String, { nullable: true }) title!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Chapter extends InMunicipality {
  @Field(() => ID, { description: '062073:chapter-<number> (with the point in time of a past view)' }) get id(): string {
    return idAt(scoped(this.municipality, `chapter-${this.number}`), this.asOf);
  }
  @Field(() => Int) number!: number;
  @Field(() => String, { nullable: true }) title!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Policy extends InMunicipality {
  @Field(() => ID, { description: '062073:policy-<code> (with the point in time of a past view)' }) get id(): string {
    return idAt(scoped(this.municipality, `policy-${this.code}`), this.asOf);
  }
  @Field(() => String, { description: 'e.g. 5-1' }) code!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  chapterNumber!: number;
}

@ObjectType({ simpleResolvers: true, implements: Node })
export class Measure extends AtPointInTime implements Node {
  /** The stable id (062073:5-1-1), whatever the point in time. */
  id!: string;
  /** Its municipality's code. */
  municipality!: string;
  readonly nodeType = 'Measure';
  @Field(() => ID, { name: 'id', simple: false, description: `Its municipality's code and its own (062073:5-1-1). ${ID_AT_POINT}` }) get nodeId(): string {
    return idAt(this.id, this.asOf);
  }
  @Field(() => ID, { description: STABLE_ID }) get stableId(): string {
    return this.id;
  }
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: '所属; null for a measure known only because a project links to it' })
  department!: string | null;
  @Field(() => [String], { description: '創生総合戦略 links as written; empty for 該当なし' }) strategies!: string[];
  @Field(() => [String]) purposes!: string[];
  @Field(() => [Goal]) goals!: Goal[];
  @Field(() => [String], { description: '実績: the narrative lines of what was done' }) results!: string[];
  @Field(() => String, { nullable: true, description: '理由: why target and actual differ' }) gapReason!: string | null;
  @Field(() => String, { nullable: true, description: '目標の実現に向けた今後の取組' }) nextSteps!: string | null;
  chapterNumber!: number;
  chapterTitle!: string | null;
  policyCode!: string;
  policyTitle!: string | null;
  firstPosition!: number;
}

@ObjectType({ simpleResolvers: true, description: '予算科目, e.g. 01一般会計・02総務費・01総務管理費・06企画費' })
export class BudgetAccount {
  @Field(() => ID, { description: 'Its project\'s id and budgetAccount: the names are as that project\'s report states them' }) id!: string;
  @Field(() => String, { description: "The four numbers joined by '-', e.g. 01-02-01-06" }) code!: string;
  @Field(() => String, { description: '会計, e.g. 一般会計' }) fund!: string;
  @Field(() => String, { description: '款, e.g. 総務費' }) division!: string;
  @Field(() => String, { description: '項, e.g. 総務管理費' }) section!: string;
  @Field(() => String, { description: '目, e.g. 企画費' }) item!: string;
}

@ObjectType({ simpleResolvers: true, implements: Node })
export class Project extends AtPointInTime implements Node {
  /** The stable id (062073:<name>), whatever the point in time. */
  id!: string;
  /** Its municipality's code. */
  municipality!: string;
  readonly nodeType = 'Project';
  @Field(() => ID, { name: 'id', simple: false, description: `Stable across editions and rebuilds. ${ID_AT_POINT}` }) get nodeId(): string {
    return idAt(this.id, this.asOf);
  }
  @Field(() => ID, { description: STABLE_ID }) get stableId(): string {
    return this.id;
  }
  @Field(() => String, { description: '事業名, e.g. 地域おこし協力隊推進事業費' }) name!: string;
  @Field(() => String) department!: string;
  @Field(() => BudgetAccount) budgetAccount!: BudgetAccount;
  @Field(() => [String]) strategies!: string[];
  @Field(() => String, { nullable: true }) overview!: string | null;
  @Field(() => String, { nullable: true }) purpose!: string | null;
  @Field(() => String, { nullable: true }) gapReason!: string | null;
  @Field(() => String, { nullable: true }) nextSteps!: string | null;
  measureCodes!: string[];
  firstPosition!: number;
}
