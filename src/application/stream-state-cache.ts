// Deciding a command folds its stream. Reading and folding the whole stream for every command makes a
// direct edit cost more the longer its indicator's history, and was the largest cost of an append. This
// keeps the folded state of recently used streams with the revision it stands at.
//
// It never trusts itself: every use first asks the store for the stream's revision (one index seek) and
// folds from the log again when they differ, so writers it did not see (another process on the same
// file, a server store) only cost a cache miss. Appends it does see, it folds in after they commit, so
// the next command on the stream needs no read at all. Deciders are pure and their states immutable,
// which is what makes sharing a state between commands safe.
//
// Whoever sees every commit of a store owns its cache (Ledger.embedded) and hands it to the use cases
// that decide on that store's streams (see Streams in decide-on-stream.ts).
import { toCurrentVersion } from '../../events/catalogue';
import type { Decider } from '../domain/decider';
import type { RecordedEvent } from '../store/event-store';

interface Entry {
  /** What the state was folded with: callers may wrap a decider (to cite lines in errors), never its fold. */
  evolve: Decider<unknown, unknown>['evolve'];
  initialState: Decider<unknown, unknown>['initialState'];
  revision: number;
  state: unknown;
}

export class StreamStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 20_000) {}

  /** The state of `streamId` when the cache holds it at exactly `revision`. */
  get<State>(streamId: string, decider: Decider<unknown, State>, revision: number): State | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.revision !== revision || entry.evolve !== decider.evolve || entry.initialState !== decider.initialState) return undefined;
    // Most recently used last: the first key is the one to evict.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.state as State;
  }

  put<State>(streamId: string, decider: Decider<unknown, State>, revision: number, state: State): void {
    this.entries.delete(streamId);
    const { evolve, initialState } = decider as Decider<unknown, unknown>;
    this.entries.set(streamId, { evolve, initialState, revision, state });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Events that have committed, in log order: held streams fold them in; a gap drops the stream. */
  observe(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      const entry = this.entries.get(event.streamId);
      if (!entry || event.streamRevision <= entry.revision) continue;
      if (event.streamRevision !== entry.revision + 1) {
        this.entries.delete(event.streamId);
        continue;
      }
      const current = toCurrentVersion(event);
      entry.state = entry.evolve(entry.state, current, current.streamRevision);
      entry.revision = current.streamRevision;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
