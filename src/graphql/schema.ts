import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { IndicatorResolver } from './resolvers/indicator-resolver';
import { MeasureResolver } from './resolvers/measure-resolver';
import { MutationResolver } from './resolvers/mutation-resolver';
import { ChapterResolver, PlanResolver, PolicyResolver } from './resolvers/plan-resolver';
import { ProjectResolver } from './resolvers/project-resolver';
import { QueryResolver } from './resolvers/query-resolver';

let schema: Promise<GraphQLSchema> | null = null;

/** Built once per process: type-graphql's metadata is global. */
export function ledgerSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      QueryResolver,
      MutationResolver,
      PlanResolver,
      ChapterResolver,
      PolicyResolver,
      MeasureResolver,
      ProjectResolver,
      IndicatorResolver,
    ],
    validate: false,
  });
  return schema;
}
