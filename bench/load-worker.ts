// Runs in a process of its own, so the load generator does not share the event loop it measures:
// autocannon against each target in turn (one process start for all of them), results as JSON on stdout.
// autocannon's own percentiles come from a histogram of whole milliseconds, too coarse for a ratio of
// two p50s of 1–3 ms; each answer's time (hrtime, fractional ms) is also kept for exact percentiles.
import type { EventEmitter } from 'node:events';
import { percentile } from './stats';

type Running = EventEmitter & PromiseLike<AutocannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Running;

interface AutocannonResult {
  requests: { total: number };
  duration: number;
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

interface Job {
  targets: { url: string; body: string; headers: Record<string, string> }[];
  connections: number;
  seconds: number;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as Job;
  const results = [];
  for (const target of job.targets) {
    const running = autocannon({ url: target.url, connections: job.connections, duration: job.seconds, method: 'POST', headers: target.headers, body: target.body });
    const times: number[] = [];
    // As autocannon's histogram does, only 2xx answers count.
    running.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
    const result = await running;
    results.push({
      reqPerSec: result.requests.total / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      p50MsExact: percentile(times, 50),
      p99MsExact: percentile(times, 99),
      non2xx: result.non2xx,
      errors: result.errors,
    });
  }
  process.stdout.write(JSON.stringify(results));
}

void main();
