// Opening the page (web/) in headless Chromium as a person would: every request and every console
// error recorded, and axe-core's accessibility scan of what is on screen.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium';

export interface PageSession {
  browser: Browser;
  page: Page;
  /** Every URL the page requested (WebSocket upgrades included). */
  requested: string[];
  /** Console errors, uncaught exceptions, CSP violations. */
  problems: string[];
  /** Requests that left the server's origin (data: URLs aside). */
  elsewhere(origin: string): string[];
  /** Opens a deep link (an absolute URL) and waits for the view's heading. */
  open(url: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPageSession(): Promise<PageSession> {
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const requested: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('websocket', (socket) => requested.push(socket.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return {
    browser,
    page,
    requested,
    problems,
    elsewhere: (origin) => {
      const wsOrigin = origin.replace(/^http/, 'ws');
      return requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`${wsOrigin}/`) && !url.startsWith('data:'));
    },
    open: async (url) => {
      await page.goto(url);
      await page.locator('main h1').waitFor();
    },
    close: () => browser.close(),
  };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResults {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** The page's session storage, from code type-checked without the DOM library. */
export const sessionStorageItem = (page: Page, key: string): Promise<string | null> =>
  page.evaluate((name) => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem(name), key);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.1 A/AA rules over the page as it is now; the serious and critical violations.
 * Evaluated through the DevTools protocol, so the page's own CSP (no inline scripts) stays as served.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // Runs in the page; this file is type-checked without the DOM library, so the page's globals are named here.
    const scope = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: object): Promise<AxeResults> } };
    const result = await scope.axe.run(scope.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
