// The real server as a child process, for tests that kill it or run several side by side.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mintToken } from '../../src/auth/mint-token';
import type { Role } from '../../src/auth/principal';

const BIN = join(__dirname, '..', '..', 'bin', 'plan-ledger.js');
export const TEST_JWT_SECRET = 'plan-ledger-test-secret-0123456789abcdef';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function tokenFor(role: Role, sub = `test-${role}`, departments: string[] = [], municipalities: string[] = []): Promise<string> {
  return mintToken(new TextEncoder().encode(TEST_JWT_SECRET), { sub, role, departments, municipalities });
}

/** Starts `plan-ledger serve` on a free port and resolves once it says where it serves. */
export function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    // The suites hammer one server from one address; client-limits.e2e.test.ts tests the limits themselves.
    env: { ...process.env, PLAN_LEDGER_JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', PLAN_LEDGER_RATE_LIMIT_RPS: '0', PLAN_LEDGER_MAX_EXPENSIVE_PER_CLIENT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving GraphQL at (http:\/\/\S+?)["\s]/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        child,
        output: () => output,
        async gql(query, variables, token) {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query, variables }),
          });
          return (await response.json()) as never;
        },
        kill(signal = 'SIGTERM') {
          return new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          });
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
}
