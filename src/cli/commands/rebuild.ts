import { openLedger } from '../../application/open-ledger';

export async function rebuild(): Promise<void> {
  const ledger = await openLedger({ store: process.env['PLAN_LEDGER_STORE'], readModel: process.env['PLAN_LEDGER_READ_MODEL'] });
  try {
    const started = Date.now();
    const position = await ledger.rebuild();
    console.log(`rebuilt the read model from ${position} events in ${Date.now() - started} ms`);
  } finally {
    await ledger.close();
  }
}
