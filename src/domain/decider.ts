import type { LedgerEvent } from '../../events/catalogue';

/** An event as a decider emits it: the application adds ids, version and metadata. */
export type Emitted<Event extends LedgerEvent = LedgerEvent> = Event & {
  /** The source line this event restates, when it comes from a report. */
  line?: number | null;
};

/** An event of a stream as it is folded: typed, of its type's current version, with its revision in the stream. */
export type Folded<Event extends LedgerEvent = LedgerEvent> = Event & { streamRevision: number };

/**
 * Decides a command against a stream's state and folds the stream's events into it. `Event` is what its
 * stream holds (a stream's id names the decider that owns it, and only that decider appends to it).
 * Code that folds any stream (the application) holds a `Decider<unknown, State>`: `evolve` and `decide`
 * are methods, so a decider of fewer events and commands fits it; the stream never gives it another's.
 */
export interface Decider<Command, State, Event extends LedgerEvent = LedgerEvent> {
  initialState(): State;
  /** `revision`: the event's 0-based revision in its stream (statements use it to order ties). */
  evolve(state: State, event: Event, revision: number): State;
  decide(command: Command, state: State): Emitted<Event>[];
}

/** Folds a stream into state. */
export function fold<State, Event extends LedgerEvent>(
  decider: Pick<Decider<unknown, State, Event>, 'initialState' | 'evolve'>,
  events: readonly Folded<Event>[],
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event, event.streamRevision);
  return state;
}
