// The views of a ledger that holds several municipalities (issue #15), on 上山市 (the sample and its
// 令和4年度 edition) and 郡山市 (the same 令和3年度 text): the municipality list, an edition's changes,
// and municipalities compared, through Query.municipalities, editionChanges and compareMunicipalities.
import { describeInChromium } from './support/chromium';
import { editionText } from './support/editions';
import { openPageSession, seriousAccessibilityViolations, type PageSession } from './support/page-browser';
import { sampleText } from './support/sample';
import { tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';

describeInChromium('the municipality views of the page in headless Chromium', municipalityViews);

const IMPORT = 'mutation($text: String!, $municipality: ID) { importReport(input: { text: $text, municipality: $municipality }) { edition } }';

function municipalityViews(): void {
  let server: TestServer;
  let session: PageSession;
  let origin: string;
  const open = (path: string) => session.open(`${origin}${path}`);
  const expectAccessible = async () => expect(await seriousAccessibilityViolations(session.page)).toEqual([]);

  beforeAll(async () => {
    server = await startTestServer();
    // 上山市 with two editions; 郡山市 with the same 令和3年度 text (as the contract's examples do).
    for (const [text, municipality] of [[sampleText(), '062073'], [editionText(2022), '062073'], [sampleText(), '072036']] as const) {
      const { errors } = await server.gql(IMPORT, { text, municipality });
      expect(errors).toBeUndefined();
    }
    origin = new URL(server.url).origin;
    session = await openPageSession();
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('lists the municipalities and finds one by prefecture', async () => {
    const { page } = session;
    await open('/');
    await page.getByText('2団体').waitFor();
    await expect(page.locator('main').innerText()).resolves.toMatch(/上山市\s+山形県・062073[\s\S]*郡山市\s+福島県・072036/);
    await page.getByRole('searchbox', { name: '自治体を検索' }).fill('福島');
    await page.getByText('1団体').waitFor();
    await page.getByRole('link', { name: '郡山市' }).click();
    await page.waitForURL(`${origin}/072036`);
    await expectAccessible();
  }, 60_000);

  it("opens 郡山市's plan under its name, links its indicators by their unqualified ids, and reads them as 郡山市's", async () => {
    const { page } = session;
    await open('/072036');
    await page.getByText('8件の施策').waitFor();
    await expect(page.locator('main h1').innerText()).resolves.toContain('郡山市');
    const npo = page.locator('main').getByRole('link', { name: 'NPO法人数' });
    await expect(npo.getAttribute('href')).resolves.toBe(`/072036/indicator/${encodeURIComponent('5-1-1/NPO法人数')}`);
    await npo.click();
    await page.waitForURL(`${origin}/072036/indicator/${encodeURIComponent('5-1-1/NPO法人数')}`);
    // 郡山市 has only the 令和3年度 edition: its 令和5年度 target is the first one stated, never revised
    // (上山市's 令和4年度 edition revised its own to 19).
    const row2023 = page.getByRole('row', { name: /令和5年度 \(2023\)/ });
    await row2023.filter({ hasText: '18 団体' }).waitFor();
    await expect(row2023.innerText()).resolves.not.toContain('改定');
    await expect(page.getByRole('combobox', { name: '版' }).locator('option[value="2022"]').count()).resolves.toBe(0);
    await expectAccessible();
  }, 60_000);

  it("shows an auditor acting for every municipality only 郡山市's trail and live events under /072036/audit", async () => {
    const { page } = session;
    await open('/072036/audit');
    await page.getByLabel('トークン').fill(await tokenFor('auditor', 'page-auditor', [], ['*']));
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.locator('[data-live-state="open"]').waitFor({ timeout: 20_000 });
    const deadline = Date.now() + 10_000;
    while (server.subscriptionCount() === 0 && Date.now() < deadline) await page.waitForTimeout(50);
    const record = async (id: string, reason: string) => {
      const { errors } = await server.gql(
        'mutation($id: ID!, $reason: String!) { recordValue(input: { indicatorId: $id, fiscalYear: 2022, kind: ACTUAL, value: 18, reason: $reason }) { id } }',
        { id, reason },
      );
      expect(errors).toBeUndefined();
    };
    // 上山市's edit first: had the subscription not been 郡山市's alone, it would arrive before 郡山市's.
    await record('062073:5-1-1/NPO法人数', "上山市's edit");
    await record('072036:5-1-1/NPO法人数', "郡山市's edit");
    const live = page.getByRole('list', { name: '受信したイベント（新しい順）' });
    await live.getByText("郡山市's edit").waitFor({ timeout: 20_000 });
    await expect(live.innerText()).resolves.not.toContain("上山市's edit");

    await page.getByRole('combobox', { name: 'イベントの種類' }).selectOption('EditionImported');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.getByText('条件に合うイベント: 1件').waitFor();
    await expect(page.locator('table.trail tbody').innerText()).resolves.toContain('072036-');
    await expectAccessible();
  }, 60_000);

  it("shows what the 令和4年度 edition changed: revisions, the ended project, department moves, and a CSV", async () => {
    const { page } = session;
    await open('/062073/edition/2022');
    const revisions = page.getByRole('table', { name: '目標・実績の改定（変更前 → 変更後）' });
    await revisions.waitFor();
    await expect(revisions.getByRole('row').filter({ hasText: 'NPO法人数' }).filter({ hasText: '令和5年度 (2023)' }).innerText()).resolves.toMatch(/18 団体[\s\S]*19 団体[\s\S]*\+1/);
    await expect(page.getByRole('region', { name: '掲載されなくなった事業' }).innerText()).resolves.toContain('まちづくり推進事業費');
    await expect(page.getByRole('region', { name: '追加された事業' }).innerText()).resolves.toContain('関係人口創出事業費');
    await expect(page.locator('main').innerText()).resolves.toContain('5-3-2');
    const csv = page.getByRole('link', { name: 'CSVをダウンロード' });
    await expect(csv.getAttribute('download')).resolves.toBe('plan-ledger-062073-edition-2022.csv');
    expect(decodeURIComponent((await csv.getAttribute('href')) ?? '')).toContain('改定,5-1-1,NPO法人数,2023,目標');
    await expectAccessible();
  }, 60_000);

  it('compares the municipalities of a fiscal year in a sortable table and a chart', async () => {
    const { page } = session;
    await open('/compare/2021');
    const table = page.getByRole('table', { name: /令和3年度 \(2021\)の自治体比較/ });
    await table.waitFor();
    await expect(table.innerText()).resolves.toMatch(/上山市[\s\S]*66,679[\s\S]*郡山市[\s\S]*66,679/);
    await page.locator('figure.chart .chart-drawing[data-drawn] svg').waitFor();
    const header = table.getByRole('columnheader', { name: '自治体' });
    await header.getByRole('button').click();
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(table.getByRole('row').nth(1).innerText()).resolves.toContain('郡山市');
    await expectAccessible();
  }, 60_000);

  it('loads everything from this server alone, without errors', () => {
    expect(session.elsewhere(origin)).toEqual([]);
    expect(session.problems).toEqual([]);
  });
}
