// A full verification of the whole log (Ledger.verify({ full: true }), the walk behind verifyLedger and
// `plan-ledger verify --full`), and what it does to the server meanwhile: a trivial query asked one at a
// time against the ledger as served, its latencies while the walk runs against those of the same
// number of seconds without it. The walk runs in a worker thread; before, it held the event loop, and
// every other request waited for its end.
import type { Ledger } from '../src/application/ledger';
import { ledgerServer, post } from './servers';
import { msSince, percentile } from './stats';

export interface VerifyFigures {
  events: number;
  seconds: number;
  eventsPerSec: number;
  /** The trivial query, one at a time, without a walk. */
  idle: { requests: number; p50Ms: number; p99Ms: number };
  /** The same while the walk runs. */
  during: { requests: number; p50Ms: number; p99Ms: number };
  /** p99 during the walk / p99 without it. */
  p99Ratio: number;
}

const TRIVIAL = JSON.stringify({ query: '{ __typename }' });

/** Asks the trivial query until `until` says stop; the latency of each answer, in ms. */
async function askUntil(url: string, until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!until()) {
    const started = process.hrtime.bigint();
    const answer = await post(url, TRIVIAL);
    if (answer.status !== 200) throw new Error(`the trivial query answered ${answer.status}: ${answer.body}`);
    latencies.push(msSince(started));
  }
  return latencies;
}

const summary = (latencies: readonly number[]) => ({ requests: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) });

export async function verifyBench(ledger: Ledger): Promise<VerifyFigures> {
  const server = await ledgerServer(ledger);
  try {
    let warmUp = 200;
    await askUntil(server.url, () => warmUp-- <= 0);
    const started = process.hrtime.bigint();
    let walking = true;
    const walk = ledger.verify({ full: true }).finally(() => (walking = false));
    const during = await askUntil(server.url, () => !walking);
    const verdict = await walk;
    const seconds = msSince(started) / 1000;
    if (!verdict.ok) throw new Error(`the generated log does not verify: ${verdict.problem}`);
    const idleUntil = Date.now() + seconds * 1000;
    const idle = await askUntil(server.url, () => Date.now() >= idleUntil);
    const figures = { idle: summary(idle), during: summary(during) };
    return { events: verdict.events, seconds, eventsPerSec: verdict.events / seconds, ...figures, p99Ratio: figures.during.p99Ms / figures.idle.p99Ms };
  } finally {
    await server.stop();
  }
}
