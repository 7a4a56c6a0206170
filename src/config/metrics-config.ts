// Who may read /metrics, and which operation names it labels: read from the environment and validated
// at start-up like the limits. Counters tell a prober which operations run and how often, so they are
// an operator's, not the public's.
import { z } from 'zod';
import { ConfigurationError } from '../shared/configuration-error';

export interface MetricsConfig {
  /** PLAN_LEDGER_METRICS_PUBLIC: anyone may scrape (a closed network); otherwise an admin token is needed. */
  public: boolean;
  /** PLAN_LEDGER_METRICS_OPERATIONS: operation names labelled besides the explorer's (and, later, the page's). */
  operations: readonly string[];
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

const schema = z.object({
  PLAN_LEDGER_METRICS_PUBLIC: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['', 'true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], { message: 'must be true or false' }))
    .optional(),
  PLAN_LEDGER_METRICS_OPERATIONS: z
    .string()
    .transform((text) => text.split(',').map((name) => name.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(NAME, 'must be GraphQL operation names separated by commas')).max(1000, 'must name at most 1000 operations'))
    .optional(),
});

export function loadMetricsConfig(env: NodeJS.ProcessEnv = process.env): MetricsConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'metrics')}: ${issue.message}`);
    throw new ConfigurationError(`invalid metrics configuration: ${problems.join('; ')}`);
  }
  return {
    public: ['true', '1', 'on', 'yes'].includes(parsed.data.PLAN_LEDGER_METRICS_PUBLIC ?? ''),
    operations: parsed.data.PLAN_LEDGER_METRICS_OPERATIONS ?? [],
  };
}
