// The server answers 429 when one address runs too many costly operations at once (PlanOverview and
// CompareYearsView cost more than PLAN_LEDGER_EXPENSIVE_COST) or sends too many requests a second. An
// office behind one NAT address shares those slots, so a view waits as long as Retry-After says and asks
// again, a few times, before it shows the refusal.

export const RETRIES_AFTER_429 = 3;
/** A Retry-After longer than this is the server asking for more patience than a reader has. */
const LONGEST_WAIT_MS = 5_000;
const DEFAULT_WAIT_MS = 1_000;

/** Retry-After in seconds (the only form the server writes), as milliseconds to wait. */
export function retryDelayMs(retryAfter: string | null): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter.trim());
  if (!Number.isFinite(seconds) || seconds < 0) return DEFAULT_WAIT_MS;
  return Math.min(seconds * 1000, LONGEST_WAIT_MS);
}

export type Wait = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Resolves after `ms`, or rejects as soon as `signal` aborts (the view asked for something else). */
export const wait: Wait = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });

/** `send`'s response; after a 429, `send` again once Retry-After has passed, up to RETRIES_AFTER_429 times. */
export async function sendRetryingAfter429(send: () => Promise<Response>, signal?: AbortSignal, pause: Wait = wait): Promise<Response> {
  for (let retry = 0; ; retry += 1) {
    const response = await send();
    if (response.status !== 429 || retry === RETRIES_AFTER_429) return response;
    await pause(retryDelayMs(response.headers.get('retry-after')), signal);
  }
}
