import iconv from 'iconv-lite';
import { STATEMENTS_HEADER as HEADER, STATEMENT_ROWS } from '../testing/statement-rows';
import { readStatements } from './read-statements';

const ROWS = [
  ...STATEMENT_ROWS,
  '062073,R3,measure,5-1-1,,,第7次上山市振興計画の市民浸透度,OUTCOME,%,2021,16.0%,,,',
];
const csv = (rows: string[], eol = '\n') => [HEADER, ...rows].join(eol);

describe('readStatements', () => {
  it.each([
    ['UTF-8', Buffer.from(csv(ROWS), 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM and CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(ROWS, '\r\n'), 'utf8')]), 'utf-8'],
    ['Shift_JIS', iconv.encode(csv(ROWS), 'cp932'), 'shift_jis'],
  ])('reads every row of a file in %s, each with its line', (_name, bytes, encoding) => {
    const file = readStatements(bytes, 'statements.csv');
    expect(file.encoding).toBe(encoding);
    expect(file.rows.map((r) => r.source)).toEqual([2, 3, 5, 6, 7].map((line) => ({ file: 'statements.csv', sheet: null, line, cell: null })));
    const [npo, cost, yen, staffing, percent] = file.rows;
    expect(npo).toMatchObject({ municipality: { code: '062073', name: '上山市' }, edition: 2021, ownerType: 'measure', owner: '5-1-1', kind: 'OUTCOME', fiscalYear: 2021 });
    expect(npo?.target).toEqual({ value: 17, text: '17', estimate: false, cell: null });
    expect(npo?.publishedAt).toBe('p.12');
    expect(cost).toMatchObject({ ownerType: 'project', owner: '地域おこし協力隊推進事業費', kind: 'COST', reason: '隊員の退任により\n減額', target: { value: 6160, text: '6,160' } });
    // Money printed in 円 is kept as printed and stated in 千円; a dash is "not applicable", never 0.
    expect(yen).toMatchObject({ fiscalYear: 2022, target: { value: 5923, text: '5,923,000' }, actual: { value: null, text: '―' } });
    expect(staffing?.actual).toEqual({ value: 0.1, text: '0.1(見込)', estimate: true, cell: null });
    // An empty cell in a row that fills the other is "not applicable".
    expect(percent).toMatchObject({ target: { value: 16, text: '16.0%' }, actual: { value: null, text: '' } });
  });

  it('warns of unknown columns and ignores them; refuses a file without a required column, naming it', () => {
    const extra = readStatements(Buffer.from(`${HEADER},memo\n${ROWS[0]},note`), 's.csv');
    expect(extra.warnings).toEqual(["s.csv:1: the column memo is not one of the statements file's: ignored"]);
    expect(() => readStatements(Buffer.from('municipality,edition,owner\n062073,2021,5-1-1'), 's.csv')).toThrow(
      /^s\.csv:1: expected the columns owner_type, indicator, kind, fiscal_year, found/,
    );
  });

  it.each([
    ['municipality', ROWS[0]!.replace('062073', '062074'), /^s\.csv:2: municipality: expected 062074 is not a municipality code: the check digit of 06207 is 3/],
    ['municipality', ROWS[0]!.replace('062073', '池田町'), /^s\.csv:2: municipality: expected 池田町 names 4 municipalities/],
    ['edition', ROWS[0]!.replace('令和3年度', '来年'), /^s\.csv:2: edition: expected a fiscal year \(2022, 2022年度, 令和4年度, R4 or H30\), found "来年"/],
    ['owner', ROWS[0]!.replace(',5-1-1,', ',まちづくり,'), /^s\.csv:2: owner: expected a measure code such as 5-1-1, found "まちづくり"/],
    ['kind', ROWS[0]!.replace('成果指標', '指標'), /^s\.csv:2: kind: expected OUTCOME, ACTIVITY/],
    ['target', ROWS[2]!.replace('円,2022', '人,2022'), /^s\.csv:2: target: expected an amount in 円, 千円 or 万円, not in 人, found "5,923,000"/],
  ])('refuses a bad %s, naming the file, the line and the column', (_column, row, message) => {
    expect(() => readStatements(Buffer.from(csv([row])), 's.csv')).toThrow(message);
  });

  it.each([
    ['a figure that does not read', '"1,23,4"'],
    ['an absurd number', '100000000000000000000'],
    ['an exponent', '1e309'],
  ])('refuses %s where a number belongs, rather than keep it as words', (_case, cell) => {
    expect(() => readStatements(Buffer.from(csv([ROWS[0]!.replace(',17,17,', `,17,${cell},`)])), 's.csv')).toThrow(/^s\.csv:2: actual: expected a number as printed/);
  });

  it('states nothing for an empty actual of a year after the edition, nor an empty target of a year before it', () => {
    const rows = [ROWS[0]!.replace(',R3,17,17,', ',R4,17,,'), ROWS[0]!.replace(',R3,17,17,', ',R2,,16,')];
    const [future, past] = readStatements(Buffer.from(csv(rows)), 's.csv').rows;
    expect([future?.target?.value, future?.actual]).toEqual([17, null]);
    expect([past?.target, past?.actual?.value]).toEqual([null, 16]);
  });

  it('keeps words in a value cell as text with no value (集計中), as the ledger may hold them', () => {
    const [row] = readStatements(Buffer.from(csv([ROWS[0]!.replace(',17,17,', ',17,集計中,')])), 's.csv').rows;
    expect(row?.actual).toEqual({ value: null, text: '集計中', estimate: false, cell: null });
  });

  it('names the line of a bad row after a quoted cell that spans lines', () => {
    const rows = [ROWS[1]!, ROWS[0]!.replace('R3', 'R0')];
    expect(() => readStatements(Buffer.from(csv(rows)), 's.csv')).toThrow(/^s\.csv:4: fiscal_year:/);
  });

  it('refuses CSV that RFC 4180 cannot read, naming the line', () => {
    expect(() => readStatements(Buffer.from(`${HEADER}\n${ROWS[0]}\n"unterminated,2021`), 's.csv')).toThrow(/^s\.csv:3: expected CSV as RFC 4180 quotes it/);
  });
});
