// One shape for an event wherever a client sees it: a Query.auditTrail node (read from the audit-log
// read model) and a Subscription.ledgerEvents payload (straight from the store) must be identical.
import { toCurrentVersion } from '../../events/catalogue';
import { canonicalJson } from '../../projections/canonical-json';
import type { AuditRow } from '../../projections/queries/audit-queries';
import type { JsonObject, RecordedEvent } from '../store/event-store';
import { encodeCursor } from './pagination';
import { AuditEvent } from './types/ledger-types';

export function toAuditEvent(row: AuditRow): AuditEvent {
  return Object.assign(new AuditEvent(), {
    id: row.eventId,
    position: String(row.position),
    streamId: row.streamId,
    streamRevision: row.streamRevision,
    type: row.type,
    recordedAt: new Date(row.recordedAt),
    actor: row.actor,
    reason: row.reason,
    edition: row.edition,
    data: row.data,
    hash: row.hash,
    previousHash: row.previousHash,
    cursor: encodeCursor(row.position),
  });
}

/**
 * The row the audit-log projection would write for this event: upcast like every projection sees it,
 * and the payload round-tripped through canonical JSON so its keys come out in the same order.
 */
export function auditRowOf(recorded: RecordedEvent): AuditRow {
  const event = toCurrentVersion(recorded);
  return {
    position: event.position,
    eventId: event.id,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    type: event.type,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
    reason: event.metadata.reason,
    edition: event.metadata.edition,
    data: JSON.parse(canonicalJson(event.data)) as JsonObject,
    hash: event.hash,
    previousHash: event.previousHash,
  };
}
