import { openLedger } from '../../application/open-ledger';

export async function rebuild(): Promise<void> {
  const started = Date.now();
  const ledger = await openLedger(undefined, { follow: false });
  try {
    // A read model the ledger had to rebuild as it opened is not rebuilt a second time.
    const position = ledger.readModel.staleBecause === null ? await ledger.rebuild() : ledger.readModel.checkpoint();
    console.log(`rebuilt the read model from ${position} events in ${Date.now() - started} ms`);
  } finally {
    await ledger.close();
  }
}
