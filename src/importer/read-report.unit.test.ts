import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeReport, readReportFile } from './read-report';
import { ReportParseError } from './report-errors';

const SAMPLE_PATH = join(__dirname, '../../samples/kaminoyama-r3-chapter5.txt');

describe('readReportFile', () => {
  it('reads and parses the sample, naming the file in its errors and warnings', async () => {
    const report = await readReportFile(SAMPLE_PATH);
    expect(report.edition).toBe(2021);
    expect(report.projects).toHaveLength(8);
  });

  it('rejects a file that is not UTF-8 at line 1, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-ledger-importer-'));
    try {
      const path = join(dir, 'sjis.txt');
      // 所属 in Shift_JIS.
      await writeFile(path, Buffer.from([0x8f, 0x8a, 0x91, 0xae, 0x0a]));
      await expect(readReportFile(path)).rejects.toMatchObject({ name: 'ReportParseError', line: 1, file: path });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the file in parse errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-ledger-importer-'));
    try {
      const path = join(dir, 'broken.txt');
      await writeFile(path, '\n\nfoo\n');
      const error: unknown = await readReportFile(path).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ReportParseError);
      expect((error as ReportParseError).message).toBe(`${path}:3: expected 所属 or 令和N年度 実施計画兼予算要求書, found "foo"`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('decodeReport', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeReport(Buffer.from('\ufeff所属\n', 'utf8'))).toBe('所属\n');
  });
});
