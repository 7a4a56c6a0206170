// `plan-ledger token` as an operator runs it: it refuses to mint what the server would refuse.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadAuthConfig } from '../src/auth/auth-config';
import { Authenticator } from '../src/auth/authenticator';

const run = promisify(execFile);
const BIN = join(__dirname, '..', 'bin', 'plan-ledger.js');
const SECRET = 'plan-ledger-token-cli-secret-0123456789';

async function token(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const env = { ...process.env, PLAN_LEDGER_JWT_SECRET: SECRET, ...extraEnv };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'token', '--role', 'auditor', '--sub', 'kansa', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('plan-ledger token', () => {
  it('mints a token the server accepts, within the maximum lifetime', async () => {
    const minted = await token(['--expires-in', '1h']);
    expect(minted.code).toBe(0);
    const jwt = minted.stdout.trim().split('\n').pop() ?? '';
    const authenticator = await Authenticator.create(loadAuthConfig({ PLAN_LEDGER_JWT_SECRET: SECRET }));
    expect(await authenticator.authenticate(`Bearer ${jwt}`)).toMatchObject({ actor: 'kansa', role: 'auditor' });
  });

  it('refuses a lifetime over PLAN_LEDGER_JWT_MAX_AGE, naming it, and mints it where the maximum allows', async () => {
    const refused = await token(['--expires-in', '30d']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/--expires-in 30d: .*PLAN_LEDGER_JWT_MAX_AGE/);
    expect((await token(['--expires-in', '30d'], { PLAN_LEDGER_JWT_MAX_AGE: '31d' })).code).toBe(0);
  });
});
