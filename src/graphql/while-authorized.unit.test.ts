import { whileAuthorized } from './while-authorized';

async function* numbers(ended: { value: boolean }): AsyncGenerator<number> {
  try {
    for (let n = 1; ; n += 1) yield n;
  } finally {
    ended.value = true;
  }
}

describe('whileAuthorized', () => {
  it('hands on values while the check passes, and ends the source with the check’s error once it fails', async () => {
    const ended = { value: false };
    let allowed = 2;
    const live = whileAuthorized(numbers(ended), () => {
      if (allowed-- <= 0) throw new Error('the token expired');
    });
    expect(await live.next()).toEqual({ done: false, value: 1 });
    expect(await live.next()).toEqual({ done: false, value: 2 });
    await expect(live.next()).rejects.toThrow('the token expired');
    expect(ended.value).toBe(true);
  });

  it('passes return() straight to the source', async () => {
    const ended = { value: false };
    const live = whileAuthorized(numbers(ended), () => undefined);
    await live.next();
    await live.return?.();
    expect(ended.value).toBe(true);
  });
});
