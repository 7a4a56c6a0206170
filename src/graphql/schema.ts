import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { EditionChangesResolver } from './resolvers/edition-changes-resolver';
import { IndicatorResolver } from './resolvers/indicator-resolver';
import { IndicatorRevisionResolver, IndicatorStreamRevisionResolver } from './resolvers/indicator-revision-resolver';
import { ImportEvaluationReportPayloadResolver } from './resolvers/mutation-events';
import { MeasureResolver } from './resolvers/measure-resolver';
import { NodeResolver } from './resolvers/node-resolver';
import { MutationResolver } from './resolvers/mutation-resolver';
import { ChapterResolver, PlanResolver, PolicyResolver } from './resolvers/plan-resolver';
import { ProjectResolver } from './resolvers/project-resolver';
import { QueryResolver } from './resolvers/query-resolver';
import { VerificationResolver } from './resolvers/verification-resolver';
import { SubscriptionResolver } from './resolvers/subscription-resolver';
import { CompareMunicipalitiesResolver } from './resolvers/compare-municipalities';
import {
  AuditEventMunicipalityResolver,
  EditionMunicipalityResolver,
  IndicatorMunicipalityResolver,
  MeasureMunicipalityResolver,
  ProjectMunicipalityResolver,
} from './resolvers/object-municipality-resolvers';
import { MunicipalityResolver } from './resolvers/municipality-resolver';

let schema: Promise<GraphQLSchema> | null = null;

/**
 * type-graphql 2.0.0-rc.4 refuses to build a Subscription type without a PubSub, even when every
 * subscription brings its own `subscribe` function as ours does (each server feeds its own ledger's
 * events; see SubscriptionResolver). This one only satisfies that check.
 */
const noPubSub = {
  publish(): never {
    throw new Error('plan-ledger subscriptions use their own subscribe functions, not a PubSub');
  },
  subscribe(): never {
    throw new Error('plan-ledger subscriptions use their own subscribe functions, not a PubSub');
  },
};

/** Built once per process: type-graphql's metadata is global. */
export function ledgerSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: [
      QueryResolver,
      EditionChangesResolver,
      NodeResolver,
      VerificationResolver,
      IndicatorRevisionResolver,
      MutationResolver,
      SubscriptionResolver,
      PlanResolver,
      ChapterResolver,
      PolicyResolver,
      MeasureResolver,
      ProjectResolver,
      IndicatorResolver,
      IndicatorStreamRevisionResolver,
      ImportEvaluationReportPayloadResolver,
      MunicipalityResolver,
      CompareMunicipalitiesResolver,
      MeasureMunicipalityResolver,
      ProjectMunicipalityResolver,
      IndicatorMunicipalityResolver,
      EditionMunicipalityResolver,
      AuditEventMunicipalityResolver,
    ],
    validate: false,
    pubSub: noPubSub,
  });
  return schema;
}
