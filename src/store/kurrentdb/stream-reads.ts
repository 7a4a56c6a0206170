import { BACKWARDS, END, StreamNotFoundError, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { KurrentGateway } from './kurrentdb-gateway';

type KurrentRecord = NonNullable<ResolvedEvent['event']>;

async function first(reads: AsyncIterable<ResolvedEvent>): Promise<KurrentRecord | null> {
  try {
    for await (const resolved of reads) {
      if (resolved.event) return resolved.event;
    }
    return null;
  } catch (error) {
    // Reading a stream that was never written is an error in KurrentDB, an empty answer here.
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
}

/** The last record of a stream, or null when the stream does not exist. */
export function lastRecord(gateway: KurrentGateway, streamName: string): Promise<KurrentRecord | null> {
  return first(gateway.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }));
}

/** The record at a revision, or null when the stream is not that long (or does not exist). */
export async function recordAt(gateway: KurrentGateway, streamName: string, revision: number): Promise<KurrentRecord | null> {
  const record = await first(gateway.readStream(streamName, { fromRevision: BigInt(revision), maxCount: 1 }));
  return record && record.revision === BigInt(revision) ? record : null;
}

/** Every record of a stream in revision order; empty when the stream does not exist. */
export async function allRecords(gateway: KurrentGateway, streamName: string): Promise<KurrentRecord[]> {
  const records: KurrentRecord[] = [];
  try {
    for await (const resolved of gateway.readStream(streamName)) {
      if (resolved.event) records.push(resolved.event);
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return records;
}

/** Runs `read` over `items` with at most `width` reads in flight, keeping the order of `items`. */
export async function readInBatches<T, R>(items: T[], width: number, read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) {
    results.push(...(await Promise.all(items.slice(start, start + width).map(read))));
  }
  return results;
}
