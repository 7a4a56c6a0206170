// Debian's Chromium, as the browser tests drive it (test/support/chromium.ts), for the page's
// benchmark and screenshots.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PageView } from './page-views';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update'],
  });
}

/**
 * Opens a view and waits until it is shown; or until it says the server does not serve it yet (#15);
 * or until it moved on (the municipality list of a ledger that holds one opens that one's plan).
 */
export async function openView(page: Page, origin: string, view: PageView): Promise<'shown' | 'unserved' | 'redirected'> {
  await page.goto(`${origin}${view.path}`);
  await page.locator(`${view.ready}, .notice-error`).first().waitFor({ timeout: 30_000 });
  if ((await page.locator('.notice-error').count()) > 0) return 'unserved';
  return new URL(page.url()).pathname === view.path ? 'shown' : 'redirected';
}
