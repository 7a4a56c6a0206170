// The table printed at the end of a run (and pasted into bench/README.md).
import type { AloneFigures } from './alone-bench';
import type { CompareFigures } from './compare-bench';
import type { TargetCheck } from './targets';

const f = (value: number, digits = 3): string => (Number.isFinite(value) ? String(Number(value.toPrecision(digits))) : 'n/a');
const int = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');

interface Row {
  figure: string;
  ledger: string;
  baseline: string;
  ratio: string;
}

export function resultRows(results: any): Row[] {
  const rows: Row[] = [
    { figure: `append (recordValue/s vs raw insert/s)`, ledger: int(results.append.ledgerPerSec), baseline: int(results.append.rawPerSec), ratio: f(results.append.ratio) },
    {
      figure: `append to the log alone, no read model: the floor of the append ratio (edits/s vs raw insert/s)`,
      ledger: int(results.append.logOnly?.perSec),
      baseline: int(results.append.rawPerSec),
      ratio: f(results.append.logOnly?.ratio),
    },
    { figure: `rebuild (events/s vs raw scan+parse/s)`, ledger: int(results.rebuild.eventsPerSec), baseline: int(results.rebuild.rawScanPerSec), ratio: f(results.rebuild.ratio) },
  ];
  for (const [name, q] of Object.entries<any>(results.query)) {
    rows.push({ figure: `${name} served (startServer) req/s vs bare Apollo (p50 ${f(q.p50Ms)} ms, p99 ${f(q.p99Ms)} ms)`, ledger: int(q.reqPerSec), baseline: int(q.bareApolloReqPerSec), ratio: f(q.ratioVsApollo) });
    if (q.fromSqlite) {
      rows.push({ figure: `${name}, present not held in memory (every read from SQLite), vs bare Apollo (p50 ${f(q.fromSqlite.p50Ms)} ms)`, ledger: int(q.fromSqlite.reqPerSec), baseline: int(q.bareApolloReqPerSec), ratio: f(q.fromSqlite.ratioVsApollo) });
    }
    rows.push({ figure: `${name} req/s vs raw node:http`, ledger: int(q.reqPerSec), baseline: int(q.rawHttpReqPerSec), ratio: f(q.ratioVsRaw) });
    rows.push({ figure: `${name} cached req/s vs raw node:http (p50 ${f(q.cached.p50Ms)} ms)`, ledger: int(q.cached.reqPerSec), baseline: int(q.rawHttpReqPerSec), ratio: f(q.cached.ratioVsRaw) });
  }
  if (results.verify) {
    const v = results.verify;
    rows.push({ figure: `full verify of the whole log: events/s (${int(v.events)} events in ${f(v.seconds)} s, in a worker thread)`, ledger: int(v.eventsPerSec), baseline: '', ratio: '' });
    rows.push({ figure: `trivial query p99 ms while the full verify runs vs without (p50 ${f(v.during.p50Ms)} vs ${f(v.idle.p50Ms)} ms; ${int(v.during.requests)} answered meanwhile)`, ledger: f(v.during.p99Ms), baseline: f(v.idle.p99Ms), ratio: f(v.p99Ratio) });
  }
  rows.push({ figure: `as-of p50 ms, ${int(results.asOf.eventsLarge)} vs ${int(results.asOf.eventsSmall)} events`, ledger: f(results.asOf.p50MsLarge), baseline: f(results.asOf.p50MsSmall), ratio: f(results.asOf.ratio) });
  rows.push(...nationalRows(results));
  rows.push({ figure: `startup ready ms, full vs empty (peak RSS ${f(results.startup.peakRssMb)} MB, with the whole present in memory: ${f(results.startup.presentCacheMb)} MB)`, ledger: int(results.startup.readyMsFull), baseline: int(results.startup.readyMsEmpty), ratio: f(results.startup.ratio) });
  return rows;
}

/** Issue #15's figures; absent from a results.json written before them. */
function nationalRows(results: { alone?: AloneFigures; compare?: CompareFigures }): Row[] {
  const rows: Row[] = [];
  const { alone, compare } = results;
  if (alone) {
    rows.push({
      figure: `measureOverview p50 ms (${alone.code}), national ledger (${int(alone.municipalities)} municipalities, ${int(alone.eventsNational)} events) vs the municipality alone (${int(alone.eventsAlone)} events), uncached; req/s ${int(alone.national.reqPerSec)} vs ${int(alone.alone.reqPerSec)}`,
      ledger: f(alone.national.p50Ms),
      baseline: f(alone.alone.p50Ms),
      ratio: f(alone.p50Ratio),
    });
  }
  if (compare) {
    rows.push({
      figure: `compareMunicipalities(fiscalYear: ${compare.fiscalYear}) over ${int(compare.municipalities)} municipalities, one at a time, uncached: p50 ms vs the request budget (p99 ${f(compare.p99Ms)} ms of ${int(compare.samples)}, ${int(compare.responseBytes)} B)`,
      ledger: f(compare.p50Ms),
      baseline: int(compare.requestBudgetMs),
      ratio: f(compare.p50Ms / compare.requestBudgetMs),
    });
  }
  return rows;
}

export function markdownTable(results: any): string {
  const lines = ['| figure | ledger | baseline | ratio |', '| --- | ---: | ---: | ---: |'];
  for (const row of resultRows(results)) lines.push(`| ${row.figure} | ${row.ledger} | ${row.baseline} | ${row.ratio} |`);
  return lines.join('\n');
}

export function targetLines(checks: readonly TargetCheck[]): string {
  return checks.map((c) => `${c.met ? 'MET   ' : 'MISSED'} ${c.name}: ${f(c.value)} ${c.op} ${c.limit}`).join('\n');
}
