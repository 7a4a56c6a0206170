// A live subscription outlives the moment its caller was authorized: each event is checked again
// before it is sent (an expired token ends the subscription with UNAUTHENTICATED).
/** `source`, with `check` run before each value is handed on; a check that throws ends the source. */
export function whileAuthorized<T>(source: AsyncIterator<T>, check: () => void): AsyncIterableIterator<T> {
  const end = async (): Promise<IteratorResult<T>> => (source.return ? source.return() : { done: true, value: undefined });
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      const result = await source.next();
      if (result.done) return result;
      try {
        check();
      } catch (error) {
        await end();
        throw error;
      }
      return result;
    },
    // Delegated at once, not queued behind a pending next(): unsubscribing must not wait for an event.
    return: end,
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
