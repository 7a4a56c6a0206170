import { randomUUID } from 'node:crypto';
import { currentVersionOf, toCurrentVersion } from '../../events/catalogue';
import { fold, type Decider, type Emitted, type Folded } from '../domain/decider';
import type { EventMetadata, EventStore, ExpectedRevision, NewEvent, StreamAppend } from '../store/event-store';

export interface DecidedStream<State> {
  streamId: string;
  expectedRevision: ExpectedRevision;
  /** Before the commands ran. */
  initialState: State;
  state: State;
  emitted: Emitted[];
}

/** Folds a stream once, then runs its commands in order, each seeing the events of the ones before. */
export async function decideOnStream<Command, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State>,
  commands: readonly Command[],
): Promise<DecidedStream<State>> {
  const stored = (await store.readStream(streamId)).map(toCurrentVersion);
  const initialState = fold(decider, stored.map((e): Folded => ({ type: e.type, data: e.data, revision: e.streamRevision })));
  let state = initialState;
  let revision = stored.length === 0 ? -1 : (stored[stored.length - 1]?.streamRevision ?? -1);
  const expectedRevision: ExpectedRevision = revision === -1 ? 'no_stream' : revision;
  const emitted: Emitted[] = [];
  for (const command of commands) {
    for (const event of decider.decide(command, state)) {
      revision += 1;
      state = decider.evolve(state, { type: event.type, data: event.data, revision });
      emitted.push(event);
    }
  }
  return { streamId, expectedRevision, initialState, state, emitted };
}

export type MetadataFor = (event: Emitted) => EventMetadata;

export function toStreamAppend(decided: DecidedStream<unknown>, metadataFor: MetadataFor): StreamAppend {
  const events: NewEvent[] = decided.emitted.map((event) => ({
    id: randomUUID(),
    type: event.type,
    version: currentVersionOf(event.type),
    data: event.data,
    metadata: metadataFor(event),
  }));
  return { streamId: decided.streamId, expectedRevision: decided.expectedRevision, events };
}
