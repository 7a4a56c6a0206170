// Load comes from a separate process (autocannon in bench/load-worker), so the load generator does not
// share the event loop it measures.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WORKER = join(__dirname, 'load-worker.js');

export interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** The same from every answer's own time, to fractions of a millisecond (autocannon's are whole ms). */
  p50MsExact: number;
  p99MsExact: number;
  non2xx: number;
  errors: number;
}

export interface LoadTarget {
  url: string;
  body: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

/** Warms each target from this process (JIT, statement and page caches), then loads them in turn from the worker. */
export async function loadAll(targets: readonly LoadTarget[], options: LoadOptions): Promise<LoadResult[]> {
  const prepared = targets.map((t) => ({ url: t.url, body: t.body, headers: { 'content-type': 'application/json', ...t.headers } }));
  for (const target of prepared) {
    const deadline = Date.now() + options.warmupSeconds * 1000;
    while (Date.now() < deadline) {
      await Promise.all(
        Array.from({ length: options.connections }, () => fetch(target.url, { method: 'POST', headers: target.headers, body: target.body }).then((r) => r.arrayBuffer())),
      );
    }
  }
  const job = JSON.stringify({ targets: prepared, connections: options.connections, seconds: options.seconds });
  const { stdout } = await run(process.execPath, [WORKER, job], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as LoadResult[];
}
