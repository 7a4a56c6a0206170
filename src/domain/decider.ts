import type { JsonObject } from '../shared/json';

/** An event as a decider emits it: the application adds ids and metadata. */
export interface Emitted<Data extends JsonObject = JsonObject> {
  type: string;
  data: Data;
  /** The source line this event restates, when it comes from a report. */
  line?: number | null;
}

/** An event as a decider folds it: its payload and its revision within the stream. */
export interface Folded {
  type: string;
  data: JsonObject;
  revision: number;
}

export interface Decider<Command, State> {
  initialState(): State;
  evolve(state: State, event: Folded): State;
  decide(command: Command, state: State): Emitted[];
}

/** Folds a stream into state. */
export function fold<State>(decider: Pick<Decider<unknown, State>, 'initialState' | 'evolve'>, events: readonly Folded[]): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
