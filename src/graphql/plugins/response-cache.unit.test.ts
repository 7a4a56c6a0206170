import { ResponseCache, type HeaderReader } from './response-cache';

const headers = (authorization?: string): HeaderReader => ({ get: (name) => (name === 'authorization' ? authorization : undefined) });

describe('ResponseCache naming', () => {
  let position: number;
  let cache: ResponseCache;
  beforeEach(() => {
    position = 7;
    cache = new ResponseCache({ headPosition: () => position, maxEntries: 2 });
  });

  const question = { query: '{ editions { fiscalYear } }', operationName: null, variables: { a: 1, b: [2] } };

  it('names the same question alike whatever the order of its variables, and tags it with the position', () => {
    const a = cache.name({ ...question, headers: headers() });
    const b = cache.name({ ...question, variables: { b: [2], a: 1 }, headers: headers() });
    expect(a?.digest).toBe(b?.digest);
    expect(a?.etag).toBe(`"7-${a?.digest}"`);
    position = 8;
    expect(cache.name({ ...question, headers: headers() })?.etag).toBe(`"8-${a?.digest}"`);
  });

  it('remembers a body by its text and what answers vary by, and names it again at the current position', () => {
    const text = JSON.stringify(question);
    const named = cache.name({ ...question, headers: headers('Bearer a') });
    if (!named) throw new Error('unnamed');
    cache.rememberBody(text, headers('Bearer a'), named, 'Editions');
    expect(cache.nameBody(text, headers('Bearer b'))).toBeNull();
    position = 9;
    expect(cache.nameBody(text, headers('Bearer a'))).toEqual({ named: { digest: named.digest, position: 9, etag: `"9-${named.digest}"` }, operationName: 'Editions' });
  });

  it('keeps neither large bodies nor more bodies than entries', () => {
    const named = cache.name({ ...question, headers: headers() });
    if (!named) throw new Error('unnamed');
    const large = ' '.repeat(20_000) + JSON.stringify(question);
    cache.rememberBody(large, headers(), named, null);
    expect(cache.nameBody(large, headers())).toBeNull();
    for (const text of ['{"a":1}', '{"a":2}', '{"a":3}']) cache.rememberBody(text, headers(), named, null);
    expect(cache.nameBody('{"a":1}', headers())).toBeNull();
    expect(cache.nameBody('{"a":3}', headers())).not.toBeNull();
  });

  it('answers 304 only when a kept answer with that tag exists, for its tag or `*`', () => {
    const named = cache.name({ ...question, headers: headers() });
    if (!named) throw new Error('unnamed');
    expect(cache.lookup(named, named.etag)).toBeNull();
    expect(cache.lookup(named, '*')).toBeNull();
    cache.remember(named, { data: { editions: [] } }, 'Editions');
    expect(cache.lookup(named, named.etag)).toEqual({ kind: 'not-modified', etag: named.etag, operationName: 'Editions' });
    expect(cache.lookup(named, '*')).toEqual({ kind: 'not-modified', etag: named.etag, operationName: 'Editions' });
    expect(cache.lookup(named, '"7-another"')?.kind).toBe('hit');
  });

  it('keeps answers as their bytes, within its byte budget, least recently used first', () => {
    const small = new ResponseCache({ headPosition: () => position, maxBytes: 350 });
    const answer = (n: number) => ({ data: { editions: [{ fiscalYear: n, note: 'x'.repeat(100) }] } });
    const named = (n: number) => {
      const result = small.name({ ...question, variables: { n }, headers: headers() });
      if (!result) throw new Error('unnamed');
      return result;
    };
    small.remember(named(1), answer(1), null);
    small.remember(named(2), answer(2), null);
    const hit = small.lookup(named(1), null);
    expect(hit?.kind === 'hit' && hit.response.body.toString()).toBe(`${JSON.stringify(answer(1))}\n`);
    expect(hit?.kind === 'hit' && hit.response.result).toEqual(answer(1));
    // A third answer goes past 350 bytes: the least recently used (2) goes.
    small.remember(named(3), answer(3), null);
    expect(small.lookup(named(2), null)).toBeNull();
    expect(small.lookup(named(1), null)?.kind).toBe('hit');
    expect(small.lookup(named(3), null)?.kind).toBe('hit');
    // One answer larger than the budget is never kept.
    small.remember(named(4), { data: { big: 'y'.repeat(400) } }, null);
    expect(small.lookup(named(4), null)).toBeNull();
    expect(small.lookup(named(3), null)?.kind).toBe('hit');
  });
});
