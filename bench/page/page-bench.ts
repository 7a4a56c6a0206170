// npm run bench:page — the page's weight and speed on the bundled sample (page-server.ts), in Debian's Chromium:
// the gzipped script each view loads when opened by its deep link (target: at most 250 KB), and the
// time from navigation to the first chart drawn (the page marks it: plan-ledger:first-chart).
// Writes bench/page-results.json; exits 1 when a view loads more script than the target.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fromRoot } from '../../src/config/paths';
import { launchBrowser, openView } from './browser';
import { startPageServer } from './page-server';
import { PAGE_VIEWS } from './page-views';

const SCRIPT_BUDGET_KB = 250;
const CHART_ROUNDS = 7;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function run(): Promise<number> {
  const server = await startPageServer();
  const browser = await launchBrowser();
  try {
    const weights = [];
    for (const view of PAGE_VIEWS) {
      // A fresh context each time: an empty cache, as a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: Array<Promise<{ url: string; raw: number; gzip: number }>> = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        scripts.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body).length })));
      });
      await openView(page, server.origin, view);
      const loaded = await Promise.all(scripts);
      const gzipKb = loaded.reduce((sum, s) => sum + s.gzip, 0) / 1024;
      weights.push({ view: view.name, path: view.path, scripts: loaded, gzipKb, rawKb: loaded.reduce((sum, s) => sum + s.raw, 0) / 1024 });
      await context.close();
    }

    const firstChart: Record<string, { medianMs: number; samplesMs: number[] }> = {};
    for (const view of PAGE_VIEWS.filter((v) => v.ready.includes('chart'))) {
      const samples: number[] = [];
      for (let round = 0; round < CHART_ROUNDS; round += 1) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await openView(page, server.origin, view);
        samples.push(await page.evaluate(() => performance.getEntriesByName('plan-ledger:first-chart')[0]?.startTime ?? Number.NaN));
        await context.close();
      }
      firstChart[view.name] = { medianMs: median(samples), samplesMs: samples.map((ms) => Math.round(ms)) };
    }

    const results = { measuredAt: new Date().toISOString(), budgetKb: SCRIPT_BUDGET_KB, weights, firstChart };
    writeFileSync(fromRoot('bench', 'page-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('| view | gzipped script (KB) | raw (KB) | files |\n| --- | ---: | ---: | ---: |');
    for (const w of weights) console.log(`| ${w.path} | ${w.gzipKb.toFixed(1)} | ${w.rawKb.toFixed(1)} | ${w.scripts.length} |`);
    for (const [name, chart] of Object.entries(firstChart)) console.log(`time to first chart, ${name}: median ${chart.medianMs.toFixed(0)} ms over ${CHART_ROUNDS} cold loads (${chart.samplesMs.join(', ')})`);
    const over = weights.filter((w) => w.gzipKb > SCRIPT_BUDGET_KB);
    for (const w of over) console.error(`${w.path} loads ${w.gzipKb.toFixed(1)} KB of gzipped script: more than ${SCRIPT_BUDGET_KB} KB`);
    return over.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
