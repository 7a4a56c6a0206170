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

/** Opens a view and waits until it is shown; throws what the view says if it shows an error instead. */
export async function openView(page: Page, origin: string, view: PageView): Promise<void> {
  await page.goto(`${origin}${view.path}`);
  await page.locator(`${view.ready}, .notice-error`).first().waitFor({ timeout: 30_000 });
  const error = page.locator('.notice-error');
  if ((await error.count()) > 0) throw new Error(`${view.path} shows an error: ${await error.first().innerText()}`);
}
