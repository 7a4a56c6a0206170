// Whom the log's oldest events belong to. A ledger written before it held several municipalities has
// events without one: they are read as PLAN_LEDGER_MUNICIPALITY's, and a ledger holding them with the
// variable unset refuses to open, saying what to set.
import { LegacyMunicipalityMissing, NO_LEGACY, type Tenancy } from '../../events/municipality-of';
import { configuredMunicipality } from './configured-municipality';
import type { EventStore } from '../store/event-store';

/** Every event has carried its municipality since the first that did: the log's first event tells. */
export async function tenancyOf(store: Pick<EventStore, 'readAll'>, configured: string | null | undefined): Promise<Tenancy> {
  let first: { metadata: { municipality?: string }; position: number } | undefined;
  for await (const event of store.readAll({ limit: 1 })) first = event;
  if (first === undefined || first.metadata.municipality !== undefined) return NO_LEGACY;
  if (configured === null || configured === undefined || configured.trim() === '') throw new LegacyMunicipalityMissing(first.position);
  return { legacy: configuredMunicipality(configured, 'PLAN_LEDGER_MUNICIPALITY') };
}
