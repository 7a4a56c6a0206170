import { readFileSync } from 'node:fs';
import pino from 'pino';
import { openLedger } from '../../application/open-ledger';
import { ResponseCache } from '../../graphql/plugins/response-cache';
import { startServer } from '../../http/start-server';
import { BUNDLED_SAMPLE, BUNDLED_SAMPLE_MUNICIPALITY } from '../bundled-sample';
import { ConfigurationError } from '../../shared/configuration-error';

/** PLAN_LEDGER_READY_MAX_LAG: events the read model may trail the store by while /readyz still says ready. */
function maxProjectionLag(): number | undefined {
  const configured = process.env['PLAN_LEDGER_READY_MAX_LAG'];
  if (configured === undefined || configured === '') return undefined;
  const lag = Number(configured);
  if (!Number.isInteger(lag) || lag < 0) throw new ConfigurationError(`PLAN_LEDGER_READY_MAX_LAG must be a whole number of events, not ${JSON.stringify(configured)}`);
  return lag;
}

export async function serve(options: { port: number; host: string }): Promise<void> {
  const readiness = maxProjectionLag();
  const logger = pino({ name: 'plan-ledger' });
  const opening = Date.now();
  const ledger = await openLedger(undefined, {
    onCheckpointError: (message) => logger.warn({ err: message }, 'a background WAL checkpoint failed: the WAL grows until one succeeds'),
  });
  const { staleBecause } = ledger.readModel;
  if (staleBecause !== null) {
    logger.info({ reason: staleBecause, ms: Date.now() - opening }, `rebuilt the read model before serving: ${staleBecause}`);
  }
  if ((await ledger.log.headPosition()) === 0) {
    const summary = await ledger.importReport(readFileSync(BUNDLED_SAMPLE, 'utf8'), {
      municipality: BUNDLED_SAMPLE_MUNICIPALITY,
      actor: 'plan-ledger:bundled-sample',
      reason: 'the store was empty: imported the bundled sample report of 上山市 (062073)',
      file: BUNDLED_SAMPLE,
    });
    logger.info(
      { municipality: BUNDLED_SAMPLE_MUNICIPALITY, edition: summary.edition, events: summary.eventsAppended, file: BUNDLED_SAMPLE },
      `the store was empty: imported the bundled sample, 上山市 (062073) ${summary.editionLabel}, ${summary.eventsAppended} events`,
    );
  }
  const server = await startServer({
    ledger,
    port: options.port,
    host: options.host,
    logger,
    // A repeated read at the same log position is answered from memory, with an ETag for 304s.
    responseCache: new ResponseCache({ headPosition: () => ledger.readModel.position.current() }),
    ...(readiness !== undefined ? { maxProjectionLag: readiness } : {}),
  });
  logger.info({ url: server.url, store: ledger.log.kind }, `plan-ledger is serving GraphQL at ${server.url}`);
  const shutdown = async (signal: string) => {
    // stop() drains: no new connections, requests in flight finish, subscriptions are closed (1001).
    logger.info({ signal }, 'shutting down');
    await server.stop();
    await ledger.close();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void shutdown(s));
  process.once('SIGTERM', (s) => void shutdown(s));
}
