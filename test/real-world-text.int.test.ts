// The same report typed the way offices type it, imported end to end through the ledger: the values it
// lands in the ledger are the same, or, for the cells a variant changes, exactly what the cell says.
import { Ledger } from '../src/application/ledger';
import { decodeReport } from '../src/importer/read-report';
import { editionRows } from '../projections/queries/edition-queries';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { currentView } from './support/editions';
import { sampleText } from './support/sample';

const SAMPLE = sampleText();

async function importedView(input: string | { text: string; file?: string }[]) {
  const ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
  try {
    const summary = await ledger.importReport(input, { municipality: '062073', actor: 'test:importer' });
    return { summary, view: currentView(ledger.readModel.databaseForTests()) };
  } finally {
    await ledger.close();
  }
}

const mapLines = (text: string, edit: (line: string) => string): string => text.split('\n').map(edit).join('\n');
const isRow = (line: string): boolean => line.split('\t').filter((cell) => cell.trim() !== '').length >= 2;
/** Digits, commas, periods and % of value cells in full width (header and label cells keep theirs). */
const fullWidthValues = (line: string): string => {
  if (!isRow(line) || /^(区分|所属|施策)/.test(line.trim())) return line;
  const cells = line.split('\t');
  return cells
    .map((cell, i) => (i < cells.length - 4 ? cell : cell.replace(/[0-9,.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))))
    .join('\t');
};
const bytesOf = (text: string): Buffer => Buffer.from(text, 'utf8');
const decoded = (bytes: Buffer): string => decodeReport(bytes, 'report.txt');

let baseline: Awaited<ReturnType<typeof importedView>>;
beforeAll(async () => {
  baseline = await importedView(SAMPLE);
});

const numbersOnly = (view: typeof baseline.view) => view.values.map((row) => ({ ...(row as Record<string, unknown>), text: undefined }));

describe('the same report through real-world noise lands the same values', () => {
  it.each<[string, () => string, 'identical' | 'numbers']>([
    ['CRLF line endings', () => SAMPLE.replace(/\n/g, '\r\n'), 'identical'],
    ['a BOM, read from bytes', () => decoded(bytesOf(`\ufeff${SAMPLE}`)), 'identical'],
    ['a BOM left in the text', () => `\ufeff${SAMPLE}`, 'identical'],
    ['a BOM and CRLF', () => decoded(bytesOf(`\ufeff${SAMPLE.replace(/\n/g, '\r\n')}`)), 'identical'],
    ['CR line endings', () => SAMPLE.replace(/\n/g, '\r'), 'identical'],
    ['every tab doubled', () => SAMPLE.replace(/\t/g, '\t\t'), 'identical'],
    ['every row shifted right by a tab', () => mapLines(SAMPLE, (line) => (isRow(line) ? `\t${line}` : line)), 'identical'],
    ['trailing tabs', () => mapLines(SAMPLE, (line) => `${line}\t`), 'identical'],
    ['full-width digits, commas, periods and ％ in every value cell', () => mapLines(SAMPLE, fullWidthValues), 'numbers'],
    ['units glued to their numbers', () => SAMPLE.replace(/(\d) (団体|地区|%|ツアー|件)/g, '$1$2'), 'numbers'],
    ['no thousands separators', () => SAMPLE.replace(/(\d),(\d{3})/g, '$1$2'), 'numbers'],
    ['an ideographic space before units', () => SAMPLE.replace(/(\d) (団体|地区)/g, '$1\u3000$2'), 'numbers'],
  ])('%s', async (_name, variant, expected) => {
    const { summary, view } = await importedView(variant());
    expect(summary.warnings).toEqual([]);
    expect(summary.eventsAppended).toBe(baseline.summary.eventsAppended);
    if (expected === 'identical') expect(view).toEqual(baseline.view);
    else {
      expect(numbersOnly(view)).toEqual(numbersOnly(baseline.view));
      expect(view.fields).toEqual(baseline.view.fields);
    }
  });
});

const STUDENTS_2022 = { indicator_id: '062073:5-4-1/学生訪問団派遣人数', fiscal_year: 2022, kind: 'TARGET' };
const NPO_2021 = { indicator_id: '062073:5-1-1/NPO法人数', fiscal_year: 2021, kind: 'TARGET' };

describe('cells', () => {
  it.each(['—', '－', '―', '−', '‐', '-', 'ー', '–', 'ｰ', '— —'])('the dash %j is "not applicable": value null, the dash as text', async (dash) => {
    const { view } = await importedView(SAMPLE.replace('8人\t0人\t—\t8人', `8人\t0人\t${dash}\t8人`));
    expect(view.values).toContainEqual({ ...STUDENTS_2022, value: null, text: dash });
  });

  it.each([
    ['△3 団体', -3],
    ['▲3団体', -3],
    ['△ 1,017 団体', -1017],
    ['１，０１７団体', 1017],
    ['17.5 団体', 17.5],
    ['－3 団体', -3],
  ])('%j is stated as %d', async (cell, value) => {
    const { view } = await importedView(SAMPLE.replace('\tNPO法人数\t17 団体', `\tNPO法人数\t${cell}`));
    expect(view.values).toContainEqual({ ...NPO_2021, value, text: cell });
  });
});

/** The sample's chapter 5 with a chapter 6 appended: 5-5-1's sheets renumbered 6-1-1, its project renamed. */
function withChapter6(text: string, projectName = '定住促進事業費'): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line, i) => line === '所属' && lines[i + 2] === '建設課');
  const chapter6 = lines
    .slice(start)
    .join('\n')
    .replace('第5章 つながる『みんなで創る住みよいまち』', '第6章 未来へつなぐ『持続可能なまち』')
    .replace('5-5 ふるさと回帰・移住交流を進めます', '6-1 定住を促進します')
    .replace(/5-5-1 移住受け入れ環境の整備/g, '6-1-1 定住環境の整備')
    .replace('移住推進事業費', projectName)
    .replace('移住相談からの移住件数', '定住相談からの定住件数');
  return `${text.trimEnd()}\n\n${chapter6}`;
}

describe('documents', () => {
  it('reads several chapters in one file', async () => {
    const { summary, view } = await importedView(withChapter6(SAMPLE));
    expect(summary.measures).toBe(7);
    expect(view.values.filter((row: any) => row.indicator_id === '062073:6-1-1/定住相談からの定住件数')).toHaveLength(4);
    // 総務一般管理費 serves 6-2-1 too, so it belongs to chapter 6 as well.
    expect(view.chapters.filter((row: any) => row.chapter === 6)).toEqual([
      { chapter: 6, entity_type: 'measure', entity_id: '062073:6-1-1' },
      { chapter: 6, entity_type: 'project', entity_id: '062073:定住促進事業費' },
      { chapter: 6, entity_type: 'project', entity_id: '062073:総務一般管理費' },
    ]);
  });

  it('a report of one chapter says nothing about the others: absence is decided per chapter', async () => {
    const ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    try {
      await ledger.importReport(withChapter6(SAMPLE), { municipality: '062073', actor: 'test:importer' });
      // The 令和4年度 report of chapter 6 alone, with the measure sheet and without its project.
      const both = withChapter6(SAMPLE).split('\n');
      const from = both.findIndex((line, i) => line === '所属' && both[i + 6]?.startsWith('第6章'));
      const to = both.findIndex((line, i) => i > from && line.startsWith('令和3年度 実施計画兼予算要求書'));
      const chapter6 = both
        .slice(from, to)
        .join('\n')
        .replace(/令和5年度/g, '令和6年度')
        .replace(/令和4年度/g, '令和5年度')
        .replace(/令和3年度/g, '令和4年度');
      const summary = await ledger.importReport(chapter6, { municipality: '062073', actor: 'test:importer' });
      expect(summary).toMatchObject({ edition: 2022, measures: 1, projects: 0 });
      // Chapter 5 is not covered: none of its measures or projects is absent. Chapter 6 is: the projects
      // serving a chapter-6 measure are, including 総務一般管理費 (6-2-1), whose sheet this report lacks.
      expect(summary.absences.map((a) => `${a.type} ${a.id} ${a.edition}`).sort()).toEqual([
        'project 定住促進事業費 2022',
        'project 総務一般管理費 2022',
      ]);
      expect(currentView(ledger.readModel.databaseForTests()).absences).toEqual(['project 062073:定住促進事業費 2022', 'project 062073:総務一般管理費 2022']);
    } finally {
      await ledger.close();
    }
  });

  it('imports a report split over several files as one append, with the same result as one file', async () => {
    const lines = SAMPLE.split('\n');
    const cut = lines.findIndex((line, i) => line === '所属' && lines[i + 2] === '福祉課');
    const parts = [
      { text: lines.slice(0, cut).join('\n'), file: 'part-1.txt' },
      { text: lines.slice(cut).join('\n'), file: 'part-2.txt' },
    ];
    const { summary, view } = await importedView(parts);
    expect(view).toEqual(baseline.view);
    expect(summary).toMatchObject({ edition: 2021, measures: 6, projects: 8, eventsAppended: baseline.summary.eventsAppended });
  });
});

/** The sample re-dated: in its headings and year columns, 令和3/4/5年度 become the three labels given. */
const redated = (labels: [string, string, string]): string =>
  mapLines(SAMPLE, (line) =>
    /^\t?(区分|令和3年度 実施計画|理由 ※)/.test(line) ? line.replace(/令和([345])年度/g, (_whole, n: string) => labels[Number(n) - 3] ?? '') : line,
  );

describe('era headings decide the edition and the column years', () => {
  it.each<[string, [string, string, string], number, string, number[]]>([
    ['令和元年度', ['令和元年度', '令和2年度', '令和3年度'], 2019, '令和元年度', [2019, 2020, 2021]],
    ['平成31年度, with 令和 columns after it', ['平成31年度', '令和2年度', '令和3年度'], 2019, '平成31年度', [2019, 2020, 2021]],
    ['平成30年度, with 平成31年度 and 令和2年度 columns', ['平成30年度', '平成31年度', '令和2年度'], 2018, '平成30年度', [2018, 2019, 2020]],
    ['令和１０年度 in full-width digits', ['令和１０年度', '令和１１年度', '令和１２年度'], 2028, '令和10年度', [2028, 2029, 2030]],
  ])('%s', async (_name, labels, edition, label, years) => {
    const ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    try {
      const summary = await ledger.importReport(redated(labels), { municipality: '062073', actor: 'test:importer' });
      expect(summary).toMatchObject({ edition, editionLabel: label, warnings: [] });
      expect(editionRows(ledger.readModel.databaseForTests()).map((row) => [row.fiscalYear, row.label])).toEqual([[edition, label]]);
      const npo = currentView(ledger.readModel.databaseForTests()).values.filter((row: any) => row.indicator_id === '062073:5-1-1/NPO法人数');
      expect(npo.map((row: any) => [row.fiscal_year, row.kind, row.value])).toEqual([
        [years[0], 'ACTUAL', 17],
        [years[0], 'TARGET', 17],
        [years[1], 'TARGET', 17],
        [years[2], 'TARGET', 18],
      ]);
    } finally {
      await ledger.close();
    }
  });

  it('平成31年度 and 令和元年度 are the same edition: importing one after the other appends nothing', async () => {
    const ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    try {
      await ledger.importReport(redated(['平成31年度', '令和2年度', '令和3年度']), { municipality: '062073', actor: 'test:importer' });
      const again = await ledger.importReport(redated(['令和元年度', '令和2年度', '令和3年度']), { municipality: '062073', actor: 'test:importer' });
      expect(again).toMatchObject({ edition: 2019, eventsAppended: 0, changes: [] });
    } finally {
      await ledger.close();
    }
  });
});
