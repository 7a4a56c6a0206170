import { readFileSync } from 'node:fs';
import { openLedger } from '../../application/open-ledger';
import { cliActor } from '../actor';

export async function importFiles(files: string[], options: { dryRun: boolean; reason?: string }): Promise<void> {
  const ledger = await openLedger(undefined, { follow: false });
  try {
    for (const file of files) {
      const summary = await ledger.importReport(readFileSync(file, 'utf8'), {
        actor: cliActor(),
        reason: options.reason ?? null,
        dryRun: options.dryRun,
        file,
      });
      const verb = summary.dryRun ? 'would append' : 'appended';
      const count = summary.dryRun ? summary.eventsPlanned : summary.eventsAppended;
      console.log(
        `${file}: ${summary.editionLabel} (${summary.edition}): ${verb} ${count} events; ` +
          `${summary.measures} measures, ${summary.projects} projects, ${summary.indicators} indicators; ${summary.changes.length} current values changed`,
      );
      for (const warning of summary.warnings) console.warn(`  warning: ${warning}`);
    }
  } finally {
    await ledger.close();
  }
}
