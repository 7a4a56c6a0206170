import type { GraphQLRequestContext } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../graphql/context';
import { expensiveQueries } from './expensive-queries';

/** The parts of an Apollo request the guard reads: the HTTP request behind it, for its client address. */
function requestFrom(address: string): GraphQLRequestContext<RequestContext> {
  const req = { socket: { remoteAddress: address } } as IncomingMessage;
  const contextValue = { httpResponse: { req } as ServerResponse } as RequestContext;
  return { contextValue } as GraphQLRequestContext<RequestContext>;
}

describe('expensive queries per client address', () => {
  const guard = expensiveQueries({ maxPerClient: 2, expensiveCost: 100, addressOf: (req) => req.socket.remoteAddress ?? '?' });
  if (!guard) throw new Error('the guard is on');
  const finish = async (request: GraphQLRequestContext<RequestContext>) => {
    const hooks = await guard.plugin.requestDidStart?.(request);
    await hooks?.willSendResponse?.(request as never);
  };

  it('lets cheap operations through, holds a slot per expensive one, refuses the one too many with 429, and frees slots as answers go', async () => {
    const [a1, a2, a3, b1] = [requestFrom('10.0.0.1'), requestFrom('10.0.0.1'), requestFrom('10.0.0.1'), requestFrom('10.0.0.2')];
    for (let n = 0; n < 10; n += 1) guard.onCost(99, requestFrom('10.0.0.1'));
    guard.onCost(100, a1);
    guard.onCost(5000, a2);
    expect(() => guard.onCost(100, a3)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_REQUESTS', http: expect.objectContaining({ status: 429 }) }) }));
    // Another address has slots of its own.
    expect(() => guard.onCost(100, b1)).not.toThrow();
    await finish(a1);
    expect(() => guard.onCost(100, a3)).not.toThrow();
  });

  it('is off at 0', () => {
    expect(expensiveQueries({ maxPerClient: 0, expensiveCost: 1, addressOf: () => 'x' })).toBeNull();
  });
});
