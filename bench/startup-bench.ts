// Start-up: the real server process (bin/plan-ledger.js serve), from spawn to its first successful
// GraphQL answer, on an empty store (it imports the bundled sample first) and on the full one; then
// its peak resident memory (VmHWM) after answering the benchmark's queries and, once, the overview of
// every measure and project: the whole present held in memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fromRoot } from '../src/config/paths';
import type { Operation } from './operations';
import { median, msSince } from './stats';

export interface StartupFigures {
  readyMsEmpty: number;
  readyMsFull: number;
  ratio: number;
  peakRssMb: number;
  /** The present held in memory once every overview was asked (the server's own gauges). */
  presentCacheMb: number;
  presentCacheEntries: number;
}

const READY_QUERY = JSON.stringify({ query: '{ editions { fiscalYear } }' });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function answered(url: string, body: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await response.json()) as { data?: unknown };
    return response.status === 200 && Boolean(json.data);
  } catch {
    return false;
  }
}

/** Peak resident set of a process, from the kernel's own accounting. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function presentCache(graphqlUrl: string): Promise<{ bytes: number; entries: number }> {
  const metrics = await (await fetch(new URL('/metrics', graphqlUrl))).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);
  return { bytes: gauge('plan_ledger_present_cache_bytes'), entries: gauge('plan_ledger_present_cache_entries') };
}

interface StartedOnce {
  readyMs: number;
  peakRssMb: number;
  present: { bytes: number; entries: number };
}

/**
 * Spawns the server on `storePath`, waits for its first answer, loads it with `requests` rounds of
 * `operations` and then `once`, and stops it.
 */
async function startOnce(storePath: string, operations: readonly Operation[], requests: number, once: readonly Operation[] = []): Promise<StartedOnce> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [fromRoot('bin', 'plan-ledger.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    // It asks every overview in turn, as fast as it can: one client well past a public server's rate limit.
    env: { ...process.env, PLAN_LEDGER_STORE: `sqlite:${storePath}`, NODE_ENV: 'production', PLAN_LEDGER_RATE_LIMIT_RPS: '0', PLAN_LEDGER_MAX_EXPENSIVE_PER_CLIENT: '0',
      // It reads the present's size from /metrics, which is an admin's by default.
      PLAN_LEDGER_METRICS_PUBLIC: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    // The standalone server answers at any path; behind Express it is /graphql: try that first.
    const urls = [url, `http://127.0.0.1:${port}/`];
    let ready: string | null = null;
    while (!ready) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
      if (msSince(started) > 120_000) throw new Error(`the server was not ready within 120 s: ${stderr.slice(-2000)}`);
      for (const candidate of urls) if (!ready && (await answered(candidate, READY_QUERY))) ready = candidate;
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const readyMs = msSince(started);
    for (let i = 0; i < requests; i++) {
      for (const operation of operations) await answered(ready, JSON.stringify({ query: operation.query, variables: operation.variables }));
    }
    for (const operation of once) await answered(ready, JSON.stringify({ query: operation.query, variables: operation.variables }));
    return { readyMs, peakRssMb: peakRssMb(child.pid ?? 0), present: await presentCache(ready) };
  } finally {
    await stopChild(child);
  }
}

export async function startupBench(
  dir: string,
  fullStorePath: string,
  operations: readonly Operation[],
  everyOverview: readonly Operation[],
  rounds: number,
): Promise<StartupFigures> {
  const empties: number[] = [];
  const fulls: number[] = [];
  let peak = 0;
  let present = { bytes: 0, entries: 0 };
  for (let round = 0; round < rounds; round++) {
    empties.push((await startOnce(join(dir, `empty-${round}.db`), [], 0)).readyMs);
    const full = await startOnce(fullStorePath, operations, 50, round === 0 ? everyOverview : []);
    fulls.push(full.readyMs);
    peak = Math.max(peak, full.peakRssMb);
    if (round === 0) present = full.present;
  }
  const readyMsEmpty = median(empties);
  const readyMsFull = median(fulls);
  return {
    readyMsEmpty,
    readyMsFull,
    ratio: readyMsFull / readyMsEmpty,
    peakRssMb: peak,
    presentCacheMb: present.bytes / 1024 / 1024,
    presentCacheEntries: present.entries,
  };
}
