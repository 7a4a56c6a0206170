// A stream's commands decided on its folded state: what a use case appends, and the state before and after.
import { currentVersionOf, toCurrentVersion } from '../../events/catalogue';
import { fold, type Decider, type Emitted } from '../domain/decider';
import type { EventMetadata, EventStore, ExpectedRevision, NewEvent, StreamAppend } from '../store/event-store';
import { newEventId } from '../store/event-id';
import type { StreamStateCache } from './stream-state-cache';

/** What a use case decides on: the store, and the folded states of its streams when the caller keeps them current. */
export interface Streams {
  store: EventStore;
  /** Kept current by the store's commits (see Ledger.embedded); null folds every stream from the log. */
  states: StreamStateCache | null;
}

/**
 * The streams of one municipality: the domain names a stream as if the ledger held one municipality
 * (`measure-5-1-1`); its name in the store begins with the municipality's (see streamPrefixOf).
 */
export interface MunicipalityStreams extends Streams {
  municipality: string;
  /** `062073-`, or '' for the municipality of a ledger written before it held several. */
  prefix: string;
}

export interface DecidedStream<State> {
  /** As the domain names it (measure-5-1-1). */
  streamId: string;
  /** As the store names it (062073-measure-5-1-1). */
  storeStreamId: string;
  expectedRevision: ExpectedRevision;
  /** Before the commands ran. */
  initialState: State;
  state: State;
  emitted: Emitted[];
}

/** The stream's state and revision (-1 for no stream): from the state cache when it is current, else from the log. */
async function foldStream<State>({ store, states: cache }: Streams, streamId: string, decider: Decider<unknown, State>): Promise<{ state: State; revision: number }> {
  if (cache) {
    const revision = await store.streamRevision(streamId);
    const state = cache.get(streamId, decider, revision);
    if (state !== undefined) return { state, revision };
  }
  const stored = store.readStreamPayloads ? await store.readStreamPayloads(streamId) : await store.readStream(streamId);
  const state = fold(decider, stored.map((e) => toCurrentVersion(e)));
  const revision = stored.length === 0 ? -1 : (stored[stored.length - 1]?.streamRevision ?? -1);
  // The revision of what was read, not of an earlier look: the cache must never label a state wrongly.
  cache?.put(streamId, decider, revision, state);
  return { state, revision };
}

/** Folds a stream once, then runs its commands in order, each seeing the events of the ones before. */
export async function decideOnStream<Command, State>(
  streams: MunicipalityStreams,
  streamId: string,
  decider: Decider<Command, State>,
  commands: readonly Command[],
): Promise<DecidedStream<State>> {
  const storeStreamId = streams.prefix + streamId;
  const { state: initialState, revision: foldedRevision } = await foldStream(streams, storeStreamId, decider);
  let state = initialState;
  let revision = foldedRevision;
  const expectedRevision: ExpectedRevision = revision === -1 ? 'no_stream' : revision;
  const emitted: Emitted[] = [];
  for (const command of commands) {
    for (const event of decider.decide(command, state)) {
      revision += 1;
      state = decider.evolve(state, event, revision);
      emitted.push(event);
    }
  }
  return { streamId, storeStreamId, expectedRevision, initialState, state, emitted };
}

export type MetadataFor = (event: Emitted) => EventMetadata;

export function toStreamAppend(decided: DecidedStream<unknown>, metadataFor: MetadataFor): StreamAppend {
  const events: NewEvent[] = decided.emitted.map((event) => ({
    id: newEventId(),
    type: event.type,
    version: currentVersionOf(event.type),
    data: event.data,
    metadata: metadataFor(event),
  }));
  return { streamId: decided.storeStreamId, expectedRevision: decided.expectedRevision, events };
}
