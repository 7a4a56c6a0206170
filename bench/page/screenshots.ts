// npm run screenshots — a PNG of each view of the page on the ledger of page-server.ts (上山市 and a
// second municipality), for the README (docs/screenshots/), and the indicator view as printed on A4.
// Needs fonts-noto-cjk for the Japanese text.
import { mkdirSync } from 'node:fs';
import { fromRoot } from '../../src/config/paths';
import { launchBrowser, openView } from './browser';
import { startPageServer } from './page-server';
import { PAGE_VIEWS } from './page-views';

const OUT = fromRoot('docs', 'screenshots');

async function run(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startPageServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    // The auditor signs in once; the token stays in this tab's session storage, as it would.
    await page.goto(`${server.origin}/062073/audit`);
    await page.evaluate(
      (token) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem('plan-ledger:token', token),
      server.token('auditor', 'screenshot-auditor'),
    );
    for (const view of PAGE_VIEWS) {
      await openView(page, server.origin, view);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${view.name}.png`, fullPage: false });
      console.log(`${view.path} → docs/screenshots/${view.name}.png`);
    }
    const indicator = PAGE_VIEWS.find((v) => v.name === 'indicator');
    if (indicator) {
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await page.emulateMedia({ media: 'print' });
      await openView(page, server.origin, indicator);
      await page.screenshot({ path: `${OUT}/indicator-print.png`, fullPage: true });
      console.log(`${indicator.path} (print, A4) → docs/screenshots/indicator-print.png`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
