import { RETRIES_AFTER_429, retryDelayMs, sendRetryingAfter429, wait } from './retry-after';

const answer = (status: number, retryAfter?: string) => new Response('{}', { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} });

describe('asking again after 429', () => {
  it('waits as long as Retry-After says, then asks again and answers what follows', async () => {
    const responses = [answer(429, '1'), answer(429, '2'), answer(200)];
    const waited: number[] = [];
    const response = await sendRetryingAfter429(async () => responses.shift() ?? answer(500), undefined, async (ms) => {
      waited.push(ms);
    });
    expect(response.status).toBe(200);
    expect(waited).toEqual([1000, 2000]);
  });

  it('gives up after a few tries and answers the last refusal, for the view to explain', async () => {
    let sent = 0;
    const response = await sendRetryingAfter429(async () => {
      sent += 1;
      return answer(429, '1');
    }, undefined, async () => undefined);
    expect(response.status).toBe(429);
    expect(sent).toBe(1 + RETRIES_AFTER_429);
  });

  it('does not ask again after any other answer', async () => {
    let sent = 0;
    const response = await sendRetryingAfter429(async () => {
      sent += 1;
      return answer(400);
    });
    expect(response.status).toBe(400);
    expect(sent).toBe(1);
  });

  it('waits a second without Retry-After, and never longer than a reader would', () => {
    expect(retryDelayMs(null)).toBe(1000);
    expect(retryDelayMs('soon')).toBe(1000);
    expect(retryDelayMs('120')).toBe(5000);
  });

  it('stops waiting when the view no longer wants the answer', async () => {
    const controller = new AbortController();
    const waiting = wait(60_000, controller.signal);
    controller.abort(new Error('moved on'));
    await expect(waiting).rejects.toThrow('moved on');
  });
});
