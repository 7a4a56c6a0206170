// Runs in a process of its own, so the load generator does not share the event loop it measures:
// autocannon against each target in turn (one process start for all of them), results as JSON on stdout.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

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
    const result = await autocannon({ url: target.url, connections: job.connections, duration: job.seconds, method: 'POST', headers: target.headers, body: target.body });
    results.push({
      reqPerSec: result.requests.total / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    });
  }
  process.stdout.write(JSON.stringify(results));
}

void main();
