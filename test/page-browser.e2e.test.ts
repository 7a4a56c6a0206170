// The page in headless Chromium on the bundled sample (令和3年度) and its 令和4年度 edition: each
// one-city view opened by its deep link shows what a person needs (the indicator's values, chart and
// history, a revised target, the ended project, the budget totals, the audit trail live), reaches no
// other origin, logs no error, and passes axe-core with no serious or critical violation.
import { describeInChromium } from './support/chromium';
import { editionText } from './support/editions';
import { openPageSession, seriousAccessibilityViolations, sessionStorageItem, type PageSession } from './support/page-browser';
import { sampleText } from './support/sample';
import { tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';

describeInChromium('the page in headless Chromium', pageInBrowser);

function pageInBrowser(): void {
  let server: TestServer;
  let session: PageSession;
  let origin: string;
  const open = (path: string) => session.open(`${origin}${path}`);
  const expectAccessible = async () => expect(await seriousAccessibilityViolations(session.page)).toEqual([]);

  beforeAll(async () => {
    server = await startTestServer();
    await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    await server.ledger.importReport(editionText(2022), { municipality: '062073', actor: 'importer' });
    origin = new URL(server.url).origin;
    session = await openPageSession();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it("opens the one municipality's plan from /, titled with its name", async () => {
    const { page } = session;
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/062073`);
    await page.getByText('8件の施策').waitFor();
    await expect(page.locator('main h1').innerText()).resolves.toContain('上山市');
  }, 60_000);

  it('shows the plan with each measure at a glance, the ended project, and searches it', async () => {
    const { page } = session;
    await open('/062073');
    await page.getByText('8件の施策').waitFor();
    const main = page.locator('main');
    await expect(main.getByRole('heading', { name: '5-1-1 多様な担い手が参画するまちづくりの推進' }).count()).resolves.toBe(1);
    await expect(main.getByText('令和4年度 (2022): 2指標中 2指標が達成').first().isVisible()).resolves.toBe(true);
    const ended = main.getByRole('listitem').filter({ hasText: 'まちづくり推進事業費' });
    await expect(ended.innerText()).resolves.toContain('報告終了: 令和3年度 (2021)版まで');

    await page.getByRole('searchbox', { name: '施策・指標・事業を検索' }).fill('NPO');
    await page.getByText('1件の施策').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('NPO');
    await expectAccessible();
  }, 60_000);

  it("shows an indicator's values in a chart and a table, the revised target marked, its history a click away", async () => {
    const { page } = session;
    await open(`/062073/indicator/${encodeURIComponent('5-1-1/NPO法人数')}`);
    const chart = page.locator('figure.chart .chart-drawing[data-drawn] svg');
    await chart.waitFor();
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    await expect(chart.getAttribute('aria-label')).resolves.toBe('NPO法人数の目標と実績の推移');
    await expect(chart.textContent()).resolves.toContain('改定');
    await expect(page.locator('.chart-description').innerText()).resolves.toContain('令和5年度 (2023): 目標 19 団体（改定あり）');

    const row2023 = page.getByRole('row', { name: /令和5年度 \(2023\)/ });
    await expect(row2023.innerText()).resolves.toMatch(/19 団体\s*改定/);
    await expect(page.getByRole('row', { name: /令和4年度 \(2022\)/ }).innerText()).resolves.toMatch(/17 団体[\s\S]*18 団体[\s\S]*105\.9%/);

    await row2023.getByRole('button', { name: /令和5年度 \(2023\) 目標 19 団体（改定あり）: 履歴を表示/ }).click();
    const dialog = page.getByRole('dialog', { name: 'NPO法人数 令和5年度 (2023) 目標の履歴' });
    await dialog.getByRole('row').nth(2).waitFor();
    const history = await dialog.innerText();
    expect(history).toMatch(/令和3年度 \(2021\)\s+18 団体\s+18\s+import of the 令和3年度 report\s+importer/);
    expect(history).toMatch(/令和4年度 \(2022\)\s+19 団体\s+19/);
    expect(history).toContain('令和4年度 (2022) 報告書（SHA-256 ');
    await expectAccessible();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 60_000);

  it('redraws the indicator as the 令和3年度 edition published it', async () => {
    const { page } = session;
    await page.getByRole('combobox', { name: '版' }).selectOption('2021');
    await page.getByText('令和3年度 (2021)版までに公表された内容を表示しています。').waitFor();
    expect(new URL(page.url()).searchParams.get('edition')).toBe('2021');
    const row2023 = page.getByRole('row', { name: /令和5年度 \(2023\)/ });
    await row2023.filter({ hasText: '18 団体' }).waitFor();
    await expect(row2023.innerText()).resolves.not.toContain('改定');
  }, 60_000);

  it('compares two fiscal years: budget totals, by department and project, with a chart', async () => {
    const { page } = session;
    const { data } = await server.gql<{ compareFiscalYears: { totals: { budget: { base: number; compare: number } } } }>(
      '{ compareFiscalYears(base: 2021, compare: 2022) { totals { budget { base compare } } } }',
    );
    const budget = data?.compareFiscalYears.totals.budget;
    await open('/062073/compare/2021/2022');
    const totals = page.getByRole('row', { name: /予算（事業費の目標、千円）/ });
    await totals.waitFor();
    const yen = (n: number | undefined) => new Intl.NumberFormat('ja-JP').format(n ?? NaN);
    expect(budget?.base).toBe(66679);
    await expect(totals.innerText()).resolves.toMatch(new RegExp(`${yen(budget?.base)}\\s+${yen(budget?.compare)}`));
    await page.locator('figure.chart .chart-drawing[data-drawn] svg').waitFor();
    await expect(page.getByRole('table', { name: '事業別の予算・決算・執行率（千円）' }).innerText()).resolves.toContain('地域おこし協力隊推進事業費');

    const header = page.getByRole('table', { name: '事業別の予算・決算・執行率（千円）' }).getByRole('columnheader', { name: '予算 令和4年度 (2022)' });
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    await expectAccessible();
  }, 60_000);

  it('shows a signed-in auditor the trail, the verified head hash and live events, the token kept out of the URL', async () => {
    const { page } = session;
    await open('/062073/audit');
    const token = await tokenFor('auditor', 'page-auditor');
    await page.getByLabel('トークン').fill(token);
    await page.getByRole('button', { name: 'サインイン' }).click();

    await page.getByText('改ざんは見つかりませんでした').waitFor({ timeout: 20_000 });
    const { data } = await server.gql<{ auditTrail: { totalCount: number; edges: Array<{ node: { hash: string } }> } }>('{ auditTrail(last: 1) { totalCount edges { node { hash } } } }');
    await expect(page.locator('.verify code.hash').innerText()).resolves.toBe(data?.auditTrail.edges[0]?.node.hash);
    await page.getByText(`条件に合うイベント: ${new Intl.NumberFormat('ja-JP').format(data?.auditTrail.totalCount ?? 0)}件`).waitFor();

    await page.locator('[data-live-state="open"]').waitFor({ timeout: 20_000 });
    const deadline = Date.now() + 10_000;
    while (server.subscriptionCount() === 0 && Date.now() < deadline) await page.waitForTimeout(50);
    await server.gql(`mutation { recordValue(input: { indicatorId: "5-1-1/NPO法人数", fiscalYear: 2022, kind: ACTUAL, value: 18, reason: "seen live on the page" }) { id } }`);
    await page.getByRole('list', { name: '受信したイベント（新しい順）' }).getByText('seen live on the page').waitFor({ timeout: 20_000 });

    await page.getByRole('combobox', { name: 'イベントの種類' }).selectOption('EditionImported');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.getByText('条件に合うイベント: 2件').waitFor();
    expect(new URL(page.url()).searchParams.get('eventType')).toBe('EditionImported');
    expect(page.url()).not.toContain(token);
    await expect(sessionStorageItem(page, 'plan-ledger:token')).resolves.toBe(token);
    await expectAccessible();
  }, 60_000);

  it('loads everything from this server alone, without errors', () => {
    expect(session.elsewhere(origin)).toEqual([]);
    expect(session.requested.some((url) => url.includes('/page/assets/plot-charts-'))).toBe(true);
    expect(session.problems).toEqual([]);
  });
}
