// graphql-ws clients for tests: Node 20 has no global WebSocket, so the `ws` package stands in.
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export function wsClient(url: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export interface Subscriber<T> {
  /** The next result, in order of arrival. */
  next(timeoutMs?: number): Promise<FormattedExecutionResult<T, unknown>>;
  /** Settles when the server ends the operation: resolves on completion, rejects with what the sink's error got. */
  ended: Promise<void>;
  unsubscribe(): void;
}

export function subscribe<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscriber<T> {
  const results: Array<FormattedExecutionResult<T, unknown>> = [];
  const waiters: Array<(result: FormattedExecutionResult<T, unknown>) => void> = [];
  let end: { resolve: () => void; reject: (reason: unknown) => void } = { resolve: () => undefined, reject: () => undefined };
  const ended = new Promise<void>((resolve, reject) => {
    end = { resolve, reject };
  });
  ended.catch(() => undefined);
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        const waiter = waiters.shift();
        if (waiter) waiter(result);
        else results.push(result);
      },
      error: (error) => end.reject(error),
      complete: () => end.resolve(),
    },
  );
  return {
    next(timeoutMs = 5000) {
      const ready = results.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no subscription result within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((result) => {
          clearTimeout(timer);
          resolve(result);
        });
      });
    },
    ended,
    unsubscribe,
  };
}

/** Polls until `condition` holds: a subscription is registered on the server a moment after it is sent. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
