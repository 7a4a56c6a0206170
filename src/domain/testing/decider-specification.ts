// Given a stream's history, when commands arrive, then these events (or this error): a decider test
// written as the behaviour it pins down. The commands run as the application runs them, in order, each
// deciding on the state the events before it left (src/application's decideOnStream).
import type { LedgerEvent } from '../../../events/catalogue';
import { fold, type Decider, type Emitted } from '../decider';

/** What the commands emitted, and the state after the history and those events. */
export interface Outcome<State, Event extends LedgerEvent> {
  events: Emitted<Event>[];
  state: State;
}

type ErrorType<E extends Error> = abstract new (...args: never[]) => E;

export interface When<State, Event extends LedgerEvent> {
  /** The events the commands emit, all of them, in order (`line` included); or a check of the outcome. */
  then(expected: readonly Emitted<Event>[] | ((outcome: Outcome<State, Event>) => void)): Outcome<State, Event>;
  /** The types of the events the commands emit, in order. */
  thenTypes(types: readonly Event['type'][]): Outcome<State, Event>;
  /** The commands change nothing: no event. */
  thenNothing(): Outcome<State, Event>;
  /** A command refuses: with a message matching `expected`, or an error of that type that passes `check`. */
  thenThrows(expected: RegExp): void;
  thenThrows<E extends Error>(errorType: ErrorType<E>, check?: (error: E) => void): void;
}

export interface Given<Command, State, Event extends LedgerEvent> {
  when(...commands: Command[]): When<State, Event>;
}

/** `decide(decider).given(history).when(command, …).then(events)`. */
export function decide<Command, State, Event extends LedgerEvent>(decider: Decider<Command, State, Event>) {
  return {
    /** The stream's history, oldest first (its revisions are the positions in this list). */
    given(history: readonly Event[] = []): Given<Command, State, Event> {
      return { when: (...commands) => outcomeOf(decider, history, commands) };
    },
  };
}

function outcomeOf<Command, State, Event extends LedgerEvent>(
  decider: Decider<Command, State, Event>,
  history: readonly Event[],
  commands: readonly Command[],
): When<State, Event> {
  const run = (): Outcome<State, Event> => {
    let state = fold(decider, history.map((event, streamRevision) => ({ ...event, streamRevision })));
    let revision = history.length - 1;
    const events: Emitted<Event>[] = [];
    for (const command of commands) {
      for (const event of decider.decide(command, state)) {
        revision += 1;
        state = decider.evolve(state, event, revision);
        events.push(event);
      }
    }
    return { events, state };
  };
  return {
    then(expected) {
      const outcome = run();
      if (typeof expected === 'function') expected(outcome);
      else expect(outcome.events).toEqual(expected);
      return outcome;
    },
    thenTypes(types) {
      const outcome = run();
      expect(outcome.events.map((event) => event.type)).toEqual(types);
      return outcome;
    },
    thenNothing() {
      const outcome = run();
      expect(outcome.events).toEqual([]);
      return outcome;
    },
    thenThrows<E extends Error>(expected: RegExp | ErrorType<E>, check?: (error: E) => void) {
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(expected instanceof RegExp ? Error : expected);
      if (expected instanceof RegExp) expect(caught).toHaveProperty('message', expect.stringMatching(expected));
      else if (check && caught instanceof expected) check(caught);
    },
  };
}
