// plan-ledger export: CSV for analysts (UTF-8 with a BOM, so Excel opens the Japanese right).
//   plan-ledger export [--out FILE]                      indicator values by fiscal year
//   plan-ledger export --compare 2022,2023 [--out FILE]  two fiscal years side by side
//   plan-ledger export --statements [--out FILE]         every statement of every edition, as `import` reads it
// --at-edition N answers as published up to that edition's report; --department keeps one 課.
// Without --out the CSV goes to stdout. A progress bar shows on stderr when it is a terminal.
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { InvalidArgumentError } from 'commander';
import type { Ledger } from '../../application/ledger';
import { openLedger } from '../../application/open-ledger';
import { isSupportedFiscalYear } from '../../domain/fiscal-year';
import { assertFiscalYear } from '../../domain/invariants';
import { writeCsv } from '../../export/csv';
import { COMPARISON_COLUMNS, comparisonRows, indicatorValueRows, VALUE_COLUMNS, type ExportFilter, type Row } from '../../export/indicator-export';
import { STATEMENT_COLUMNS, statementRows } from '../../export/statements-export';
import { resolveMunicipality } from '../../domain/municipalities/municipality-table';
import { SILENT_PROGRESS, terminalProgress, type Progress } from '../progress';

export interface ExportOptions {
  out?: string | undefined;
  /** [base, compare] fiscal years. */
  compare?: [number, number] | undefined;
  atEdition?: number | undefined;
  department?: string | undefined;
  /** A code or name: only that municipality's indicators. */
  municipality?: string | undefined;
  /** Every statement of every edition, in the statements file format (what `import` reads back). */
  statements?: boolean | undefined;
}

/** Parses BASE,COMPARE for --compare, e.g. 2022,2023. */
export function parseYearPair(value: string): [number, number] {
  const match = /^\s*(\d{4})\s*,\s*(\d{4})\s*$/.exec(value);
  if (!match) throw new InvalidArgumentError('two fiscal years, BASE,COMPARE, e.g. 2022,2023');
  return [Number(match[1]), Number(match[2])];
}

export function parseEdition(value: string): number {
  const year = Number(value);
  if (!isSupportedFiscalYear(year)) throw new InvalidArgumentError('a fiscal year such as 2022');
  return year;
}

/** stdout must not be ended by the CSV writer: it is shared with the rest of the process. */
const stdoutSink = (): Writable =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      process.stdout.write(chunk, done);
    },
  });

/** Writes the export; returns the number of data rows. */
export async function runExport(
  ledger: Ledger,
  options: ExportOptions,
  progress: Progress = terminalProgress(),
  warn: (line: string) => void = console.error,
): Promise<number> {
  const write = async (columns: readonly string[], rows: readonly Row[]): Promise<number> => {
    const out = options.out ? createWriteStream(options.out) : stdoutSink();
    progress.start(rows.length, options.out ? `export ${options.out}` : 'export');
    try {
      return await writeCsv(out, columns, rows, { onRow: (n) => progress.update(n) });
    } finally {
      progress.stop();
    }
  };
  if (options.compare) options.compare.forEach((year, i) => assertFiscalYear(year, i === 0 ? 'base' : 'compare'));
  const filter: ExportFilter = {
    asOf: { position: null, edition: options.atEdition ?? null },
    department: options.department ?? null,
    municipality: options.municipality ? resolveMunicipality(options.municipality, '--municipality').code : null,
  };
  if (options.statements) {
    if (options.compare || options.atEdition !== undefined || options.department !== undefined) {
      throw new InvalidArgumentError('--statements writes every edition of every department: it takes no --compare, --at-edition or --department');
    }
    const { rows, warnings } = statementRows(ledger.readModel, filter.municipality ?? null);
    for (const warning of warnings) warn(`warning: ${warning}`);
    return write(STATEMENT_COLUMNS, rows);
  }
  const [columns, rows] = options.compare
    ? [COMPARISON_COLUMNS, comparisonRows(ledger.readModel, options.compare[0], options.compare[1], filter)]
    : [VALUE_COLUMNS, indicatorValueRows(ledger.readModel, filter)];
  return write(columns, rows);
}

export async function exportCsv(options: ExportOptions): Promise<void> {
  // `plan-ledger export | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    console.error(`error: cannot write the CSV: ${error.message}`);
    process.exit(1);
  });
  const ledger = await openLedger(undefined, { follow: false });
  try {
    // A bar on stderr would interleave with CSV written to the same terminal.
    const progress = options.out || !process.stdout.isTTY ? terminalProgress() : SILENT_PROGRESS;
    const rows = await runExport(ledger, options, progress);
    if (options.out) console.error(`wrote ${rows} rows to ${options.out}`);
  } finally {
    await ledger.close();
  }
}
