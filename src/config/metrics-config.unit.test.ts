import { loadMetricsConfig } from './metrics-config';

describe('metrics configuration', () => {
  it('is private and names no extra operation by default', () => {
    expect(loadMetricsConfig({})).toEqual({ public: false, operations: [] });
  });

  it('reads PLAN_LEDGER_METRICS_PUBLIC and a comma-separated list of operation names', () => {
    expect(loadMetricsConfig({ PLAN_LEDGER_METRICS_PUBLIC: 'true', PLAN_LEDGER_METRICS_OPERATIONS: ' PlanPage, IndicatorPage ,' })).toEqual({
      public: true,
      operations: ['PlanPage', 'IndicatorPage'],
    });
  });

  it.each([
    [{ PLAN_LEDGER_METRICS_PUBLIC: 'maybe' }, /PLAN_LEDGER_METRICS_PUBLIC: must be true or false/],
    [{ PLAN_LEDGER_METRICS_OPERATIONS: 'Plan Page' }, /PLAN_LEDGER_METRICS_OPERATIONS: must be GraphQL operation names/],
  ])('refuses %j at start-up, naming the variable', (env, message) => {
    expect(() => loadMetricsConfig(env)).toThrow(message);
  });
});
