import type { LedgerPlugin } from '../graphql/apollo-server';
import type { ServerMetrics } from './metrics';

/** Counts and times every GraphQL operation Apollo answers, labelled by its name once it is known. */
export function metricsPlugin(metrics: ServerMetrics): LedgerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, response, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const labels = { operation: metrics.operationLabel(operationName), type: operation?.operation ?? 'unknown' };
          const fieldErrors = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0;
          const outcome = (errors?.length ?? 0) > 0 || fieldErrors > 0 ? 'error' : 'ok';
          metrics.graphqlRequests.inc({ ...labels, outcome });
          metrics.graphqlDuration.observe(labels, seconds);
        },
      };
    },
  };
}
