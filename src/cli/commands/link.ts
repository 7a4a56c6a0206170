// plan-ledger link FROM TO --reason …: a person says the indicator FROM (as earlier editions named it)
// continues as TO (its name in later editions). One event, with the actor and the reason; imports never
// link on their own (a dry run of one only suggests).
import { openLedger } from '../../application/open-ledger';
import { cliActor } from '../actor';

export interface LinkCommandOptions {
  reason: string;
  /** A code or name; needed unless the ledger holds exactly one municipality. */
  municipality?: string | undefined;
}

export async function link(from: string, to: string, options: LinkCommandOptions, log: (line: string) => void = console.log): Promise<void> {
  const ledger = await openLedger(undefined, { follow: false });
  try {
    const municipality = ledger.municipalityToActFor(options.municipality ?? null);
    const { position } = await ledger.linkIndicator(municipality, { from, to, reason: options.reason }, cliActor());
    log(`${municipality}: linked ${from} → ${to} (position ${position}); what was stated under ${from} is ${to}'s`);
  } finally {
    await ledger.close();
  }
}
