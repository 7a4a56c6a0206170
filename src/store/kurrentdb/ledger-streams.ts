import { streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';

const NAMESPACE = /^[A-Za-z0-9_]{1,64}$/;

/**
 * How one ledger maps onto KurrentDB stream names. Everything the adapter writes lives under its
 * namespace, so several ledgers (and the tests' throwaway ones) can share a server:
 *
 * - `<ns>-<streamId>`: the ledger's own events, one KurrentDB stream per ledger stream. The first dash
 *   makes `<ns>` their category, so $ce-<ns> works as usual.
 * - `<ns>_sequence`: one marker per ledger position (revision = position - 1). Appending to it with an
 *   expected revision is the optimistic lock that orders appends, and reading one marker turns a ledger
 *   position into a $all position.
 * - `<ns>_claim-<eventId>`: one per event id, written with expected state no_stream: KurrentDB has no
 *   index by event id, and a stream per id is how it enforces uniqueness (a "reservation stream").
 *
 * The namespace has no dash, so the prefix `<ns>-` matches exactly this ledger's event streams and
 * none of its bookkeeping streams, nor any $-prefixed system stream.
 */
export class LedgerStreams {
  readonly sequenceStream: string;
  private readonly eventPrefix: string;

  constructor(readonly namespace: string) {
    if (!NAMESPACE.test(namespace)) {
      throw new Error(`invalid KurrentDB ledger namespace "${namespace}": use 1-64 characters of A-Z, a-z, 0-9 and _`);
    }
    this.eventPrefix = `${namespace}-`;
    this.sequenceStream = `${namespace}_sequence`;
  }

  eventStream(streamId: string): string {
    return `${this.eventPrefix}${streamId}`;
  }

  /** The ledger stream id of a KurrentDB stream name, or null when the stream is not one of this ledger's. */
  streamIdOf(streamName: string): string | null {
    return streamName.startsWith(this.eventPrefix) ? streamName.slice(this.eventPrefix.length) : null;
  }

  claimStream(eventId: string): string {
    return `${this.namespace}_claim-${eventId}`;
  }

  /** Server-side filter for $all: this ledger's events only. */
  eventFilter(): Filter {
    return streamNameFilter({ prefixes: [this.eventPrefix] });
  }
}
