// 1,000 random corruptions of the sample (lines dropped or duplicated, cells swapped, garbage bytes,
// tabs removed, digits replaced), from a seeded PRNG so a failure reproduces: each one either imports,
// or fails with a ReportParseError naming the document and a line inside it, and then the log is
// unchanged. One shared store; after a failure the log is compared by count, head position and head
// hash (the hash chain covers every event before it; the log's triggers forbid updates and deletes),
// and every 50th failure by a digest of every row.
import { createHash } from 'node:crypto';
import { Ledger } from '../src/application/ledger';
import { decodeReport } from '../src/importer/read-report';
import { ReportParseError } from '../src/importer/report-errors';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { sampleText } from './support/sample';
import { seededRandom } from './support/reliability';

const SEED = Number(process.env['CORRUPTION_SEED'] ?? 20240401);
const CASES = Number(process.env['CORRUPTION_CASES'] ?? 1000);

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const index = (random: Random, length: number): number => Math.floor(random() * length);
const rows = (lines: readonly string[]): number[] => lines.flatMap((line, i) => (line.includes('\t') ? [i] : []));
const REPLACEMENTS = ['0', '1', '7', '9', 'x', '△', '—', '．', '１', '年', ',', '-', ''];

const LINE_MUTATIONS: Record<string, (lines: string[], random: Random) => void> = {
  'drop a line': (lines, random) => {
    lines.splice(index(random, lines.length), 1);
  },
  'duplicate a line': (lines, random) => {
    const at = index(random, lines.length);
    lines.splice(at, 0, lines[at] ?? '');
  },
  'swap two cells of a row': (lines, random) => {
    const at = pick(random, rows(lines));
    const cells = (lines[at] ?? '').split('\t');
    const [i, j] = [index(random, cells.length), index(random, cells.length)];
    [cells[i], cells[j]] = [cells[j] ?? '', cells[i] ?? ''];
    lines[at] = cells.join('\t');
  },
  'swap cells of two rows': (lines, random) => {
    const [a, b] = [pick(random, rows(lines)), pick(random, rows(lines))];
    const [ca, cb] = [(lines[a] ?? '').split('\t'), (lines[b] ?? '').split('\t')];
    const [i, j] = [index(random, ca.length), index(random, cb.length)];
    const cell = ca[i] ?? '';
    ca[i] = cb[j] ?? '';
    cb[j] = cell;
    lines[a] = ca.join('\t');
    lines[b] = cb.join('\t');
  },
  'remove the tabs of a row': (lines, random) => {
    const at = pick(random, rows(lines));
    lines[at] = (lines[at] ?? '').replace(/\t/g, random() < 0.5 ? '' : ' ');
  },
  'replace a digit': (lines, random) => {
    const withDigits = lines.flatMap((line, i) => (/[0-9０-９元]/.test(line) ? [i] : []));
    const at = pick(random, withDigits);
    const line = lines[at] ?? '';
    const digits = [...line.matchAll(/[0-9０-９元]/g)].map((m) => m.index ?? 0);
    const where = pick(random, digits);
    lines[at] = line.slice(0, where) + pick(random, REPLACEMENTS) + line.slice(where + 1);
  },
};

/** Garbage bytes at a random place: may split a character, so the result may not be UTF-8. */
function insertGarbage(bytes: Buffer, random: Random): Buffer {
  const at = index(random, bytes.length + 1);
  const garbage = Buffer.from(Array.from({ length: 1 + index(random, 4) }, () => index(random, 256)));
  return Buffer.concat([bytes.subarray(0, at), garbage, bytes.subarray(at)]);
}

function mutate(text: string, random: Random): { bytes: Buffer; applied: string[] } {
  const lines = text.split('\n');
  const applied: string[] = [];
  const count = 1 + index(random, 3);
  let garbage = 0;
  for (let n = 0; n < count; n++) {
    if (random() < 0.15) {
      garbage += 1;
      applied.push('insert garbage bytes');
      continue;
    }
    const name = pick(random, Object.keys(LINE_MUTATIONS));
    LINE_MUTATIONS[name]?.(lines, random);
    applied.push(name);
  }
  let bytes: Buffer = Buffer.from(lines.join('\n'), 'utf8');
  for (let n = 0; n < garbage; n++) bytes = insertGarbage(bytes, random);
  return { bytes, applied };
}

/** Lines as an editor counts them in the bytes (LF, CRLF or CR end a line). */
function lineCount(bytes: Buffer): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) lines += 1;
  return lines;
}

describe(`${CASES} corrupted copies of the sample (seed ${SEED})`, () => {
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'test:importer' });
  });
  afterAll(() => ledger.close());

  const head = () =>
    ledger.readModel.databaseForTests().prepare('SELECT COUNT(*) AS count, MAX(position) AS position, (SELECT hash FROM events ORDER BY position DESC LIMIT 1) AS hash FROM events').get();
  const digest = () => {
    const hash = createHash('sha256');
    for (const row of ledger.readModel.databaseForTests().prepare('SELECT * FROM events ORDER BY position').iterate()) hash.update(JSON.stringify(row));
    return hash.digest('hex');
  };

  it('each imports, or fails at a line of the document and writes nothing', async () => {
    const random = seededRandom(SEED);
    const sample = sampleText();
    const outcomes = { imported: 0, failed: 0 };
    const problems: string[] = [];
    for (let n = 0; n < CASES; n++) {
      const { bytes, applied } = mutate(sample, random);
      const file = `mutant-${SEED}-${n}.txt`;
      const before = head();
      const full = outcomes.failed % 50 === 0 ? digest() : null;
      try {
        await ledger.importReport(decodeReport(bytes, file), { municipality: '062073', actor: 'test:fuzz', file });
        outcomes.imported += 1;
      } catch (error) {
        outcomes.failed += 1;
        const where = `case ${n} (${applied.join(', ')})`;
        if (!(error instanceof ReportParseError)) {
          problems.push(`${where}: threw ${String(error)}`);
          continue;
        }
        if (error.file !== file) problems.push(`${where}: names ${error.file}, not ${file}`);
        if (!(error.line >= 1 && error.line <= lineCount(bytes))) problems.push(`${where}: line ${error.line} is outside 1–${lineCount(bytes)}`);
        if (!error.message.startsWith(`${file}:${error.line}: expected `)) problems.push(`${where}: message ${error.message}`);
        expect(head()).toEqual(before);
        if (full !== null) expect(digest()).toBe(full);
      }
    }
    expect(problems).toEqual([]);
    // Both outcomes must be well represented, or the mutations test nothing.
    expect(outcomes.imported).toBeGreaterThan(CASES / 10);
    expect(outcomes.failed).toBeGreaterThan(CASES / 4);
  });
});
