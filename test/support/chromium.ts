// Debian's Chromium driven by playwright-core: no browser download, which closed networks and this
// project's CI could not make anyway.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_INSTALL = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium';

/** Whether a browser test runs, and if not, the reason a skipped test names. */
export function chromiumAvailability(): { available: true } | { available: false; required: boolean; reason: string } {
  if (existsSync(CHROMIUM_PATH)) return { available: true };
  return {
    available: false,
    required: process.env['PLAN_LEDGER_REQUIRE_BROWSER'] === '1',
    reason: `${CHROMIUM_PATH} is missing; install it with: ${CHROMIUM_INSTALL}`,
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile, nothing fetched in the background, nothing kept after. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'plan-ledger-chromium-'));
  // playwright-core refuses --user-data-dir in args: a persistent context is how a profile directory is given.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Registers `body` as a suite when Chromium is here; otherwise fails it where CI requires the browser
 * (PLAN_LEDGER_REQUIRE_BROWSER=1), or reports it skipped with the reason.
 */
export function describeInChromium(title: string, body: () => void): void {
  const availability = chromiumAvailability();
  if (availability.available) {
    describe(title, body);
  } else if (availability.required) {
    describe(title, () => {
      it('has a browser to run in', () => {
        throw new Error(`${availability.reason} (PLAN_LEDGER_REQUIRE_BROWSER=1)`);
      });
    });
  } else {
    // Jest reports a suite whose every test is skipped only as "skipped", showing neither its title
    // nor its console output, so the reason goes straight to stderr.
    process.stderr.write(`\n${title}: skipped: ${availability.reason}\n`);
    describe.skip(`${title} (skipped: ${availability.reason})`, () => {
      it('needs Chromium', () => undefined);
    });
  }
}
