// The explorer in a real browser: headless Chromium opens /graphql, runs the first example and sees
// the ledger's data, follows a live subscription, and never reaches past this server.
import type { Page } from 'playwright-core';
import { sampleText } from './support/sample';
import { describeInChromium, launchChromium, type Browser } from './support/chromium';
import { startTestServer, type TestServer } from './support/test-server';

describeInChromium('the GraphiQL explorer in headless Chromium', explorerInBrowser);

function explorerInBrowser(): void {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const resultText = () => page.locator('.result-window').innerText();

  async function runActiveTab(): Promise<void> {
    await page.locator('.graphiql-execute-button').click();
  }

  it('opens on /graphql, runs the first example and shows the data', async () => {
    await page.goto(server.url);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await page.locator('.graphiql-tab', { hasText: 'TargetChange' }).waitFor();

    await runActiveTab();

    await page.locator('.result-window', { hasText: 'NPO法人数' }).waitFor({ timeout: 20_000 });
    const shown = await resultText();
    expect(shown).toContain('"code": "5-1-1"');
    expect(shown).toContain('"edition": 2021');
  }, 60_000);

  it('follows a subscription over WebSocket and shows an event appended elsewhere', async () => {
    await page.locator('.graphiql-tab', { hasText: 'LedgerEvents' }).click();
    await page.locator('.graphiql-query-editor', { hasText: 'subscription LedgerEvents' }).waitFor();
    // The tab's Headers pane holds a placeholder: put a real auditor's token there, as a person would.
    await page.getByRole('button', { name: 'Headers' }).click();
    const headers = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror textarea');
    await headers.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(JSON.stringify({ authorization: server.adminAuthorization }));
    // GraphiQL picks HTTP or WebSocket from the parsed document, which it updates a moment after a
    // tab switch; a person takes longer than that to reach the run button.
    await page.waitForTimeout(500);
    await runActiveTab();
    const deadline = Date.now() + 10_000;
    while (server.subscriptionCount() === 0 && Date.now() < deadline) await page.waitForTimeout(50);
    expect(server.subscriptionCount()).toBe(1);

    await server.gql(`mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2021, kind: ACTUAL, value: 18, reason: "seen live in the explorer" }) { id } }`);

    await page.locator('.result-window', { hasText: 'seen live in the explorer' }).waitFor({ timeout: 20_000 });
  }, 60_000);

  it('loads everything from this server alone, without errors', () => {
    const origin = new URL(server.url).origin;
    const elsewhere = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(origin.replace(/^http/, 'ws')) && !url.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
}
