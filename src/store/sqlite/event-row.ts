// A row of the events table and the event it holds: shared by the store and the chain-walk worker,
// which reads the file on its own connection.
import type { RecordedEvent } from '../event-store';

export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
  previous_hash: string | null;
}

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    streamRevision: row.stream_revision,
    position: row.position,
    type: row.type,
    version: row.version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}

export function toRow(event: RecordedEvent) {
  return {
    position: event.position,
    id: event.id,
    stream_id: event.streamId,
    stream_revision: event.streamRevision,
    type: event.type,
    version: event.version,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    recorded_at: event.recordedAt,
    hash: event.hash,
    previous_hash: event.previousHash,
  };
}
