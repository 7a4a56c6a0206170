// The rule for a lost race, written once. A use case decides on the streams as it read them and appends
// with the revisions it read; when another writer appended in between, the store refuses the whole
// append (WrongExpectedRevisionError) and nothing is written, so deciding again on the fresh streams and
// appending that is always safe. A few attempts are enough: each lost race means another writer won.
import { WrongExpectedRevisionError } from '../store/event-store';

export interface RetryOptions {
  /** How many times to decide and append before the refusal is the answer. */
  attempts: number;
  /**
   * Told of every refusal before the next attempt; it may throw an answer of its own instead (a caller
   * that named the revision it expects wants a conflict, not a decision on a stream it has not read).
   */
  onRefused?: (error: WrongExpectedRevisionError) => void;
}

/** Runs `decideAndAppend` until the store accepts its append or the attempts run out. */
export async function appendWithRetry<Result>(decideAndAppend: () => Promise<Result>, options: RetryOptions): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await decideAndAppend();
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      options.onRefused?.(error);
      if (attempt >= options.attempts) throw error;
    }
  }
}
