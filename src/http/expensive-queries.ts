// Operations that cost at least PLAN_LEDGER_EXPENSIVE_COST hold one of a few slots of their client
// address while they run: one client's many costly queries (with varying variables, which the response
// cache cannot answer) queue nowhere and starve no one; the one too many is answered 429.
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../graphql/context';
import type { ClientAddressOf } from './client-address';
import { TOO_MANY_REQUESTS } from './request-rate';

export interface ExpensiveQueries {
  /** Given to the cost check: takes a slot for an expensive operation, or refuses it. */
  onCost(cost: number, request: GraphQLRequestContext<RequestContext>): void;
  /** Gives the slot back when the answer is sent. */
  plugin: ApolloServerPlugin<RequestContext>;
}

export function expensiveQueries(options: { maxPerClient: number; expensiveCost: number; addressOf: ClientAddressOf }): ExpensiveQueries | null {
  if (options.maxPerClient === 0) return null;
  const running = new Map<string, number>();
  const holding = new WeakMap<GraphQLRequestContext<RequestContext>, string>();
  const release = (request: GraphQLRequestContext<RequestContext>) => {
    const address = holding.get(request);
    if (address === undefined) return;
    holding.delete(request);
    const left = (running.get(address) ?? 1) - 1;
    if (left > 0) running.set(address, left);
    else running.delete(address);
  };
  return {
    onCost(cost, request) {
      // graphql-ws has no HTTP request here; its sockets have limits of their own (ws-guards.ts).
      const req = request.contextValue.httpResponse?.req;
      if (cost < options.expensiveCost || req === undefined) return;
      const address = options.addressOf(req);
      const now = running.get(address) ?? 0;
      if (now >= options.maxPerClient) {
        throw new GraphQLError(
          `this address already runs ${now} operations costing ${options.expensiveCost} or more (PLAN_LEDGER_MAX_EXPENSIVE_PER_CLIENT); this one costs ${cost}: retry when one has finished`,
          { extensions: { code: TOO_MANY_REQUESTS, retryAfter: 1, http: { status: 429, headers: new HeaderMap([['retry-after', '1']]) } } },
        );
      }
      running.set(address, now + 1);
      holding.set(request, address);
    },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse(request) {
            release(request);
          },
        };
      },
    },
  };
}
