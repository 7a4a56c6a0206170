// `plan-ledger` as an operator runs it: a real process, its exit code and both streams, a failure
// answered rather than thrown so a test can assert on it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BIN = join(__dirname, '..', '..', 'bin', 'plan-ledger.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
