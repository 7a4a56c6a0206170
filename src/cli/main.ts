import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { ReportParseError } from '../importer/report-errors';
import { DomainError } from '../domain/domain-error';
import { copy } from './commands/copy';
import { exportCsv, parseEdition, parseYearPair } from './commands/export';
import { importFiles, type ImportCommandOptions } from './commands/import';
import { link, type LinkCommandOptions } from './commands/link';
import { InconsistentImportError } from './commands/import/consistency-gate';
import { rebuild } from './commands/rebuild';
import { generate } from './commands/generate';
import { emitSchema } from './commands/schema';
import { serve } from './commands/serve';
import { token } from './commands/token';
import { verify } from './commands/verify';
import { ConfigurationError } from '../shared/configuration-error';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number, 0 or more');
  return n;
}

const program = new Command()
  .name('plan-ledger')
  .description('Event-sourced ledger of municipal development-plan evaluations (行政評価), served over GraphQL.\n' +
    'The store is chosen by PLAN_LEDGER_STORE (default sqlite:data/ledger.db).');

program
  .command('serve')
  .description('serve GraphQL at /graphql (imports the bundled sample first when the store is empty)')
  .option('-p, --port <port>', 'port (default: $PORT or 4000)', port)
  .option('--host <host>', 'interface to listen on', '0.0.0.0')
  .action((options: { port?: number; host: string }) =>
    serve({ port: options.port ?? port(process.env['PORT'] ?? '4000'), host: options.host }),
  );

program
  .command('import')
  .description(
    'import report files, statements files (CSV or .xlsx, recognised by their header) or sheets read through --layout: ' +
      'all are parsed before anything is written; each edition of a municipality is ONE atomic append; ' +
      'files of the same edition are one report; editions may come in any order',
  )
  .argument('<files...>')
  .option('--dry-run', 'report the changes (and a layout\'s inconsistencies) without writing anything', false)
  .option('--reason <text>', 'why this import is made (recorded on every event)')
  .option('--separately', 'import every report file as its own append, even files of the same edition', false)
  .option('--municipality <code|name>', 'the municipality the reports are of (e.g. 062073 or 上山市); needed unless the ledger holds exactly one or the files name it')
  .option('--layout <file|name>', 'read each file (.xlsx or .csv) through this layout: a YAML/JSON file, or a shipped layout\'s name')
  .option('--edition <year>', 'the edition of a sheet whose layout does not say (2022, 令和4年度, R4)')
  .option('--accept-inconsistencies', 'import a sheet whose layout checks fail, as printed; needs --reason', false)
  .action((files: string[], options: ImportCommandOptions) => importFiles(files, options));

program
  .command('link')
  .description(
    'link an indicator a later edition renamed (FROM, e.g. 5-1-1/NPO法人数) to its new name (TO): what was stated under FROM ' +
      'becomes TO\'s, and the rename is no longer reported as one indicator dropped and another added; one event with the reason',
  )
  .argument('<from>')
  .argument('<to>')
  .requiredOption('--reason <text>', 'why they are one indicator (recorded on the event)')
  .option('--municipality <code|name>', 'the municipality of both (e.g. 062073 or 上山市); needed unless the ledger holds exactly one')
  .action((from: string, to: string, options: LinkCommandOptions) => link(from, to, options));

program
  .command('export')
  .description('write CSV for analysts (UTF-8 with BOM): indicator values by fiscal year, or with --compare two years side by side')
  .option('-o, --out <file>', 'write to this file instead of stdout')
  .option('--compare <base,compare>', 'two fiscal years side by side, e.g. 2022,2023', parseYearPair)
  .option('--at-edition <year>', 'as published up to that edition (later reports ignored)', parseEdition)
  .option('--department <name>', 'only the indicators of this department (課)')
  .option('--municipality <code|name>', 'only the indicators of this municipality')
  .option('--statements', 'every statement of every edition, oldest first, in the statements file format that import reads back', false)
  .action((options: { out?: string; compare?: [number, number]; atEdition?: number; department?: string; municipality?: string; statements: boolean }) =>
    exportCsv(options),
  );

program.command('rebuild').description('rebuild every read model from the log').action(() => rebuild());

program
  .command('verify')
  .description('walk the hash chain since the head verified last (--full: the whole log); name the first broken position; print the head hash')
  .option('--expect-head <hash>', 'also fail unless the log ends at this head hash (detects truncation or replacement)')
  .option('--full', 'walk the whole log, not only what was appended since the head verified last', false)
  .action(async (options: { expectHead?: string; full: boolean }) => {
    process.exitCode = await verify(options);
  });

program
  .command('generate')
  .description('write a synthetic national ledger through the real import path (for benchmarks)')
  .option('--municipalities <n>', 'municipalities, each with its own chapter number and project-name suffix', count, 10)
  .option('--years <n>', 'year columns per report: its own year plus the targets of n-1 following years', count, 3)
  .option('--editions <n>', 'annual reports per municipality, from 2021 on', count, 10)
  .option('--direct-edits <n>', 'recordValue corrections per municipality and edition', count, 1)
  .option('--store <url>', 'the store to write to, e.g. sqlite:data/bench.db (default: PLAN_LEDGER_STORE)')
  .action((options: { municipalities: number; years: number; editions: number; directEdits: number; store?: string }) => generate(options));

program
  .command('schema')
  .description('write the served schema to schema/schema.graphql')
  .option('--check', 'fail if the file is stale instead of writing it', false)
  .action(async (options: { check: boolean }) => {
    process.exitCode = await emitSchema(options);
  });

program
  .command('copy')
  .description('copy the log to another store (positions, times and hashes unchanged) and verify both chains')
  .requiredOption('--from <store>', 'source, e.g. sqlite:data/ledger.db')
  .requiredOption('--to <store>', 'target, e.g. postgres://user@host/db or kurrentdb://host:2113')
  .action(async (options: { from: string; to: string }) => {
    process.exitCode = await copy(options);
  });

program
  .command('token')
  .description('mint a development token from PLAN_LEDGER_JWT_SECRET (printed as the last line)')
  .requiredOption('--role <role>', 'viewer, editor, auditor or admin')
  .requiredOption('--sub <actor>', 'the actor recorded on every event appended with this token')
  .option('--department <name>', 'a department an editor may edit for (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
  .option('--municipality <code|name>', 'a municipality the token acts for, or * for every one (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
  .option('--expires-in <span>', 'lifetime, e.g. 8h or 30m: at most PLAN_LEDGER_JWT_MAX_AGE (12h unless set)', '8h')
  .action(async (options: { role: string; sub: string; department: string[]; municipality: string[]; expiresIn: string }) => {
    process.exitCode = await token(options);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ReportParseError || error instanceof DomainError || error instanceof ConfigurationError || error instanceof InconsistentImportError) {
    console.error(`error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
