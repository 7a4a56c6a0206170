import { createHash } from 'node:crypto';
import { jsonEvent, type EventData, type RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { z } from 'zod';
import type { EventMetadata, RecordedEvent } from '../event-store';
import type { JsonObject } from '../../shared/json';

// What each KurrentDB record carries, and how to read it back. Ledger fields KurrentDB has no slot
// for (our position, hashes, recordedAt, the caller's metadata) travel in the record's metadata as
// one JSON string under LEDGER_KEY: multiStreamAppend only accepts metadata whose values are strings,
// and the server adds its own `$schema.*` keys next to ours.

const LEDGER_KEY = 'ledger';

const eventMetadataSchema = z.looseObject({
  actor: z.string(),
  reason: z.string().nullable(),
  edition: z.number().nullable(),
  // file, sheet, cell and layout since statements files (#16): optional, as events before have none.
  source: z
    .object({
      sha256: z.string(),
      line: z.number().nullable(),
      file: z.string().optional(),
      sheet: z.string().optional(),
      cell: z.string().optional(),
      layout: z.string().optional(),
    })
    .nullable(),
  correlationId: z.string(),
  causationId: z.string().nullable(),
});

const envelopeSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  streamRevision: z.number().int().nonnegative(),
  position: z.number().int().positive(),
  recordedAt: z.string(),
  hash: z.string(),
  previousHash: z.string().nullable(),
  metadata: eventMetadataSchema,
});

const markerSchema = z.object({
  position: z.number().int().positive(),
  /** First position of the append this event came in: the transaction boundary readers resume at. */
  firstPosition: z.number().int().positive(),
  eventId: z.string(),
  streamId: z.string(),
  streamRevision: z.number().int().nonnegative(),
  hash: z.string(),
  recordedAt: z.string(),
});

const claimSchema = z.object({
  position: z.number().int().positive(),
  streamId: z.string(),
  streamRevision: z.number().int().nonnegative(),
});

/** The head of the ledger as of one position: what the next append chains onto. */
export type SequenceMarker = z.infer<typeof markerSchema>;
/** Where the event with a given id was logged. */
export type Claim = z.infer<typeof claimSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name-based (version 5 layout, SHA-256 digest) UUID: KurrentDB wants a UUID per record, and the same input must give the same one. */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The KurrentDB record id for a ledger event: its own id when that is a UUID, so KurrentDB's duplicate detection sees the caller's id. */
export function recordIdFor(eventId: string): string {
  return UUID.test(eventId) ? eventId : deterministicUuid(`event:${eventId}`);
}

export function ledgerEventData(event: RecordedEvent): EventData {
  // Parsed back by envelopeSchema.
  const envelope = {
    id: event.id,
    version: event.version,
    streamRevision: event.streamRevision,
    position: event.position,
    recordedAt: event.recordedAt,
    hash: event.hash,
    previousHash: event.previousHash,
    metadata: event.metadata,
  };
  return jsonEvent({
    id: recordIdFor(event.id),
    type: event.type,
    data: event.data,
    metadata: { [LEDGER_KEY]: JSON.stringify(envelope) },
  });
}

export function markerData(event: RecordedEvent, firstPosition: number): EventData {
  const marker: SequenceMarker = {
    position: event.position,
    firstPosition,
    eventId: event.id,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    hash: event.hash,
    recordedAt: event.recordedAt,
  };
  return jsonEvent({ id: deterministicUuid(`marker:${event.id}`), type: 'LedgerPositionAssigned', data: marker });
}

export function claimData(event: RecordedEvent): EventData {
  const claim: Claim = { position: event.position, streamId: event.streamId, streamRevision: event.streamRevision };
  return jsonEvent({ id: deterministicUuid(`claim:${event.id}`), type: 'LedgerEventIdClaimed', data: claim });
}

/** JSON content of a record, whether the client handed it over parsed or as bytes. */
function jsonContent(content: unknown): unknown {
  if (content instanceof Uint8Array) return JSON.parse(Buffer.from(content).toString('utf8'));
  return typeof content === 'string' ? JSON.parse(content) : content;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

export function readMarker(record: KurrentRecordedEvent): SequenceMarker {
  return markerSchema.parse(jsonContent(record.data));
}

export function readClaim(record: KurrentRecordedEvent): Claim {
  return claimSchema.parse(jsonContent(record.data));
}

/** Rebuilds a ledger event from its KurrentDB record; `streamId` is the ledger's name for the stream. */
export function readLedgerEvent(record: KurrentRecordedEvent, streamId: string): RecordedEvent {
  const metadata = jsonContent(record.metadata);
  const packed = isJsonObject(metadata) ? metadata[LEDGER_KEY] : undefined;
  if (typeof packed !== 'string') {
    throw new Error(`KurrentDB record ${record.id} in ${record.streamId} carries no ledger metadata`);
  }
  const envelope = envelopeSchema.parse(JSON.parse(packed));
  const data = jsonContent(record.data);
  if (!isJsonObject(data)) throw new Error(`KurrentDB record ${record.id} in ${record.streamId} has no JSON object as data`);
  const eventMetadata: EventMetadata = envelope.metadata;
  return {
    id: envelope.id,
    type: record.type,
    version: envelope.version,
    data,
    metadata: eventMetadata,
    streamId,
    streamRevision: envelope.streamRevision,
    position: envelope.position,
    recordedAt: envelope.recordedAt,
    hash: envelope.hash,
    previousHash: envelope.previousHash,
  };
}
