// The municipality an event belongs to: its metadata's, or for an event written before the ledger held
// many municipalities (it carries none) the one PLAN_LEDGER_MUNICIPALITY names. This is the upcaster of
// the metadata: the log is never rewritten, and its chain verifies to the same head.
import { ConfigurationError } from '../src/shared/configuration-error';

/** What reading old events needs: the municipality they belong to, when the log holds any. */
export interface Tenancy {
  /** The code events without one belong to (PLAN_LEDGER_MUNICIPALITY); null when none was set. */
  legacy: string | null;
}

export const NO_LEGACY: Tenancy = { legacy: null };

export class LegacyMunicipalityMissing extends ConfigurationError {
  constructor(position: number) {
    super(
      `this ledger holds events written before it held several municipalities (the first at position ${position}): ` +
        'set PLAN_LEDGER_MUNICIPALITY to the code or name of the municipality they belong to (e.g. PLAN_LEDGER_MUNICIPALITY=062073 for 上山市)',
    );
  }
}

export function municipalityOf(event: { metadata: { municipality?: string }; position: number }, tenancy: Tenancy): string {
  const stated = event.metadata.municipality;
  if (stated !== undefined) return stated;
  if (tenancy.legacy === null) throw new LegacyMunicipalityMissing(event.position);
  return tenancy.legacy;
}
