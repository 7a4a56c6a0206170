// One shape for an event wherever a client sees it: a Query.auditTrail node (read from the audit-log
// read model) and a Subscription.ledgerEvents payload (straight from the store) must be identical.
import type { AuditRow } from '../../projections/queries/audit-queries';
import { encodeCursor } from './pagination';
import { statementSourceOf } from './statement-source';
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
    municipalityCode: row.municipality,
    source: statementSourceOf(row.source),
    data: row.data,
    hash: row.hash,
    previousHash: row.previousHash,
    cursor: encodeCursor(row.position),
  });
}
