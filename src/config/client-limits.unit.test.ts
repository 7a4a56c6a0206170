import { DEFAULT_CLIENT_LIMITS, loadClientLimits } from './client-limits';

describe('client limits configuration', () => {
  it('has defaults, and reads every variable', () => {
    expect(loadClientLimits({})).toEqual(DEFAULT_CLIENT_LIMITS);
    expect(
      loadClientLimits({
        PLAN_LEDGER_RATE_LIMIT_RPS: '0',
        PLAN_LEDGER_MAX_EXPENSIVE_PER_CLIENT: '8',
        PLAN_LEDGER_EXPENSIVE_COST: '2500',
        PLAN_LEDGER_HEADERS_TIMEOUT_MS: '5000',
        PLAN_LEDGER_HTTP_REQUEST_TIMEOUT_MS: '120000',
        PLAN_LEDGER_MAX_CONNECTIONS: '500',
        PLAN_LEDGER_TRUST_PROXY: 'loopback, 10.0.0.0/8',
      }),
    ).toEqual({
      requestsPerSecond: 0,
      maxExpensivePerClient: 8,
      expensiveCost: 2500,
      headersTimeoutMs: 5000,
      httpRequestTimeoutMs: 120_000,
      maxConnections: 500,
      trustProxy: ['loopback', '10.0.0.0/8'],
    });
  });

  it.each([
    [{ PLAN_LEDGER_RATE_LIMIT_RPS: 'lots' }, /PLAN_LEDGER_RATE_LIMIT_RPS="lots" must be a whole number/],
    [{ PLAN_LEDGER_HEADERS_TIMEOUT_MS: '10' }, /PLAN_LEDGER_HEADERS_TIMEOUT_MS="10" must be at least 1000/],
    [{ PLAN_LEDGER_TRUST_PROXY: 'everyone' }, /PLAN_LEDGER_TRUST_PROXY="everyone" must be loopback/],
    [{ PLAN_LEDGER_HEADERS_TIMEOUT_MS: '90000' }, /PLAN_LEDGER_HEADERS_TIMEOUT_MS must not exceed PLAN_LEDGER_HTTP_REQUEST_TIMEOUT_MS/],
  ])('refuses %j at start-up, naming the variable', (env, message) => {
    expect(() => loadClientLimits(env)).toThrow(message);
  });
});
