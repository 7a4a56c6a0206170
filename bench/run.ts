// npm run bench [-- --quick] [-- --check] [-- --dir DIR --keep]
// Generates a synthetic ledger through the real command path, measures every figure of issue #7 against
// its baseline in this same run, prints a table and writes bench/results.json. --check only reads
// bench/results.json and exits 1 when a target is missed.
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../src/application/ledger';
import { generateLedger } from '../src/cli/commands/generate/generate-ledger';
import { fromRoot } from '../src/config/paths';
import { SqliteEventStore } from '../src/store/sqlite/sqlite-event-store';
import { aloneBench } from './alone-bench';
import { appendBench } from './append-bench';
import { asOfBench, asOfQuestion, type AsOfQuestion } from './as-of-bench';
import { compareBench } from './compare-bench';
import { benchConfig } from './config';
import { everyOverview, measureOverview, pickMeasure, pickRevisedTarget, targetHistory, type Operation } from './operations';
import { queryBench } from './query-bench';
import { rebuildBench } from './rebuild-bench';
import { markdownTable, targetLines } from './report';
import { startupBench } from './startup-bench';
import { msSince } from './stats';
import { checkTargets } from './targets';
import { verifyBench } from './verify-bench';

const RESULTS = fromRoot('bench', 'results.json');

function check(): number {
  if (!existsSync(RESULTS)) {
    console.error(`${RESULTS} does not exist: run npm run bench first`);
    return 1;
  }
  const checks = checkTargets(JSON.parse(readFileSync(RESULTS, 'utf8')));
  console.log(targetLines(checks));
  return checks.every((c) => c.met) ? 0 : 1;
}

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Bytes on disk per table, from SQLite's own page accounting. */
function diskUse(db: Database.Database): { total: number; log: number; readModel: number } {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const rows = db.prepare<[], { name: string; bytes: number }>('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all();
  const logTables = new Set(['events', 'sqlite_autoindex_events_1', 'sqlite_autoindex_events_2']);
  let log = 0;
  let readModel = 0;
  for (const row of rows) {
    if (logTables.has(row.name)) log += row.bytes;
    else readModel += row.bytes;
  }
  return { total: log + readModel, log, readModel };
}

async function run(): Promise<number> {
  const config = benchConfig(process.argv.slice(2));
  const runStarted = process.hrtime.bigint();
  mkdirSync(config.dir, { recursive: true });
  const storePath = join(config.dir, 'ledger.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(storePath + suffix, { force: true });
  const { municipalities } = config;
  log(`${config.quick ? 'quick' : 'full'} run in ${config.dir}: ${municipalities} municipalities × ${config.editions} editions × ${config.years} year columns`);

  const ledger = await Ledger.embedded(new SqliteEventStore({ path: storePath }));
  // The embedded store's file (the log and the read model in one), for what the benchmark measures with SQL.
  const file = ledger.readModel.databaseForTests();
  const smallPath = join(config.dir, 'small.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(smallPath + suffix, { force: true });
  let question: AsOfQuestion | null = null;
  const generated = await generateLedger(ledger, {
    municipalities,
    years: config.years,
    editions: config.editions,
    onProgress: async ({ position }) => {
      if (question || position < config.smallEvents) return;
      question = asOfQuestion(ledger);
      // SQLite's online backup: the small ledger as it stands, to be asked again at the end.
      await file.backup(smallPath);
      log(`snapshot of the ledger at ${position} events for the as-of comparison`);
    },
  });
  const events = generated.position;
  log(`generated ${events} events in ${(generated.ms / 1000).toFixed(1)} s (${Math.round(events / (generated.ms / 1000))} events/s)`);
  const disk = diskUse(file);
  const asked = question as AsOfQuestion | null;
  if (!asked) throw new Error(`the run never reached ${config.smallEvents} events`);
  const smallLedger = await Ledger.embedded(new SqliteEventStore({ path: smallPath, backgroundCheckpoints: false }));
  const asOf = await asOfBench(smallLedger, ledger, asked, config.asOfRounds, config.asOfSamples);
  await smallLedger.close();
  log(`as-of p50 ${asOf.p50MsSmall.toFixed(3)} ms at ${asOf.eventsSmall} events, ${asOf.p50MsLarge.toFixed(3)} ms at ${asOf.eventsLarge}`);

  const operations = [measureOverview(pickMeasure(file)), targetHistory(pickRevisedTarget(file))];
  // Before the append rounds, whose direct edits would make the national answer differ from the alone one's.
  log('one municipality in the national ledger vs alone in its own…');
  const alone = await aloneBench(ledger, config, operations[0] as Operation);
  log(`measure overview p50 ${alone.national.p50Ms.toFixed(2)} ms national, ${alone.alone.p50Ms.toFixed(2)} ms alone`);
  log('compareMunicipalities over every municipality…');
  const compare = await compareBench(ledger, config);
  log(`compareMunicipalities(${compare.fiscalYear}) p50 ${compare.p50Ms.toFixed(1)} ms, p99 ${compare.p99Ms.toFixed(1)} ms`);
  log('append…');
  const append = await appendBench(ledger, storePath, config.dir, config.appendRounds, config.appendOpsPerRound);
  log('rebuild…');
  const rebuild = await rebuildBench(ledger);
  log('queries…');
  const withoutPresent = await Ledger.embedded(new SqliteEventStore({ path: storePath }), { presentCacheBytes: 0 });
  const query = await queryBench(ledger, withoutPresent, config, operations);
  await withoutPresent.close();
  log('full verify of the whole log, with a trivial query asked meanwhile…');
  const verify = await verifyBench(ledger);
  log(`verified ${verify.events} events in ${verify.seconds.toFixed(1)} s; trivial query p99 ${verify.during.p99Ms.toFixed(1)} ms during, ${verify.idle.p99Ms.toFixed(1)} ms without`);
  const generatorRssMb = process.memoryUsage().rss / 1024 / 1024;
  const overviews = everyOverview(file);
  await ledger.close();
  log(`startup, and peak memory once the ${overviews.length} overviews of every measure and project were asked…`);
  const startup = await startupBench(config.dir, storePath, operations, overviews, config.quick ? 1 : 3);

  const sqliteVersion = new Database(':memory:').prepare<[], string>('SELECT sqlite_version()').pluck().get();
  const results = {
    mode: config.quick ? 'quick' : 'full',
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, sqlite: sqliteVersion },
    startedAt: new Date(Date.now() - msSince(runStarted)).toISOString(),
    durationSec: 0,
    generate: {
      events,
      municipalities,
      years: config.years,
      editions: config.editions,
      imports: generated.imports,
      directEdits: generated.directEdits,
      seconds: generated.ms / 1000,
      eventsPerSec: events / (generated.ms / 1000),
      diskBytes: disk.total,
      diskBytesPerEvent: disk.total / events,
      logBytesPerEvent: disk.log / events,
      readModelBytesPerEvent: disk.readModel / events,
      fileBytes: statSync(storePath).size,
      processRssMb: generatorRssMb,
    },
    append,
    rebuild,
    query,
    verify,
    asOf,
    alone,
    compare,
    startup: { ...startup, presentBytesPerEvent: (startup.presentCacheMb * 1024 * 1024) / events },
    targets: [] as ReturnType<typeof checkTargets>,
  };
  results.targets = checkTargets(results);
  results.durationSec = msSince(runStarted) / 1000;
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${markdownTable(results)}\n`);
  console.log(targetLines(results.targets));
  console.log(`\nwrote ${RESULTS} (${results.durationSec.toFixed(1)} s in all)`);
  if (!config.keep) rmSync(config.dir, { recursive: true, force: true });
  return 0;
}

(process.argv.includes('--check') ? Promise.resolve(check()) : run()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
