import {
  postgresRequired,
  probePostgresSync,
  redactedUrl,
  testPostgresUrl,
} from '../../src/store/postgres/testing/test-database';

let probed: ReturnType<typeof probePostgresSync> | null = null;

/**
 * Registers the suite when PostgreSQL answers; otherwise skips it with the reason, or fails it when CI
 * requires the server (PLAN_LEDGER_REQUIRE_POSTGRES=1).
 */
export function describeWithPostgres(title: string, body: (url: string) => void): void {
  const url = testPostgresUrl();
  probed ??= probePostgresSync(url);
  if (probed.reachable) {
    describe(title, () => body(url));
    return;
  }
  const reason = `postgres unreachable at ${redactedUrl(url)}: ${probed.reason}`;
  if (postgresRequired()) {
    describe(title, () => {
      it('needs a reachable server (PLAN_LEDGER_REQUIRE_POSTGRES=1)', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  process.stderr.write(`${title}: skipped: ${reason}\n`);
  describe.skip(`${title} (skipped: ${reason})`, () => {
    it('needs PostgreSQL', () => undefined);
  });
}
