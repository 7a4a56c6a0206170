import { openLedger } from '../../application/open-ledger';

export async function rebuild(): Promise<void> {
  const ledger = await openLedger(undefined, { follow: false });
  try {
    const started = Date.now();
    const position = await ledger.rebuild();
    console.log(`rebuilt the read model from ${position} events in ${Date.now() - started} ms`);
  } finally {
    await ledger.close();
  }
}
