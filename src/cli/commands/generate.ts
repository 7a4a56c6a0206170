// plan-ledger generate: a synthetic national ledger for benchmarks and capacity planning (see
// src/cli/commands/generate/ for how reports are shaped and why ids cannot collide).
import { ledgerConfigFromEnv, openLedger } from '../../application/open-ledger';
import { generateLedger } from './generate/generate-ledger';

export interface GenerateCommandOptions {
  municipalities: number;
  years: number;
  editions: number;
  directEdits: number;
  store?: string;
}

export async function generate(options: GenerateCommandOptions): Promise<void> {
  const config = ledgerConfigFromEnv();
  const ledger = await openLedger({ ...config, store: options.store ?? config.store });
  try {
    const before = await ledger.log.headPosition();
    let reported = Date.now();
    const result = await generateLedger(ledger, {
      municipalities: options.municipalities,
      years: options.years,
      editions: options.editions,
      directEditsPerReport: options.directEdits,
      onProgress: ({ position, edition, imports }) => {
        if (Date.now() - reported < 5000) return;
        reported = Date.now();
        console.log(`  edition ${edition}: ${imports} reports imported, log at position ${position}`);
      },
    });
    const events = result.position - before;
    console.log(
      `generated ${events} events (${result.imports} report imports, ${result.directEdits} direct edits) ` +
        `in ${(result.ms / 1000).toFixed(1)} s: ${Math.round(events / (result.ms / 1000))} events/s; log at position ${result.position}`,
    );
  } finally {
    await ledger.close();
  }
}
