import type { EventMetadata, RecordedEvent } from '../event-store';
import type { JsonObject } from '../../shared/json';

/** A row of `events` as node-postgres hands it over: BIGINT as a string, JSONB parsed, TIMESTAMPTZ as a Date. */
export interface EventRow {
  position: string;
  id: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  version: number;
  data: JsonObject;
  metadata: EventMetadata;
  recorded_at: Date;
  hash: string;
  previous_hash: string | null;
}

export const EVENT_COLUMNS =
  'position, id, stream_id, stream_revision, type, version, data, metadata, recorded_at, hash, previous_hash';

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    streamRevision: row.stream_revision,
    position: Number(row.position),
    type: row.type,
    version: row.version,
    data: row.data,
    metadata: row.metadata,
    // The store only writes millisecond instants, so this gives back exactly the string that was hashed.
    recordedAt: row.recorded_at.toISOString(),
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}
