import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'The result of walking the hash chain: the whole log, or what followed the head verified last' })
export class LedgerVerification {
  @Field(() => Boolean, { description: 'True when every event links to the one before it and its hash matches its content' })
  ok!: boolean;
  @Field(() => Int, { description: 'Events walked (after fromPosition)' }) events!: number;
  @Field(() => String, { nullable: true, description: 'Position of the last event, when the chain holds' }) headPosition!: string | null;
  @Field(() => String, { nullable: true, description: 'Hash of the last event: record it elsewhere to detect truncation or replacement later' })
  headHash!: string | null;
  @Field(() => String, { nullable: true, description: 'The first position where the chain breaks' }) brokenAt!: string | null;
  @Field(() => String, { nullable: true }) problem!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the head equals expectHead, when it was given' }) headMatches!: boolean | null;
  @Field(() => Boolean, { description: 'True when the whole log was walked; false when only what followed the head verified last' })
  full!: boolean;
  @Field(() => String, { description: 'The walk began after this position: the head verified last, or 0 for the whole log' })
  fromPosition!: string;
  @Field(() => String, { nullable: true, description: 'The last position walked (the head when the walk began), when the chain holds' })
  toPosition!: string | null;
}
