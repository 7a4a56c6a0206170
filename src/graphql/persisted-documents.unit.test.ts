import { PersistedDocuments, sha256Hex } from './persisted-documents';

const documentOf = (n: number) => `query Q${n} { editions { fiscalYear } }`;

describe('PersistedDocuments', () => {
  it('keeps registered documents within its memory, least recently used first out', async () => {
    const documents = new PersistedDocuments({ apqCacheBytes: 2 * 10 * (documentOf(0).length + 64), trusted: null });
    const cache = documents.apolloCache();
    for (let n = 0; n < 100; n += 1) await cache.set(`apq:${sha256Hex(documentOf(n))}`, documentOf(n));
    expect(documents.lookup(sha256Hex(documentOf(0)))).toBeUndefined();
    expect(await cache.get(`apq:${sha256Hex(documentOf(99))}`)).toBe(documentOf(99));
    const kept = Array.from({ length: 100 }, (_, n) => documents.lookup(sha256Hex(documentOf(n)))).filter(Boolean);
    expect(kept.length).toBeLessThanOrEqual(10);
  });

  it('registers nothing and admits only its list with trusted documents', async () => {
    const trusted = documentOf(1);
    const documents = new PersistedDocuments({ apqCacheBytes: 1024 * 1024, trusted: new Map([[sha256Hex(trusted), trusted]]) });
    await documents.apolloCache().set(`apq:${sha256Hex(documentOf(2))}`, documentOf(2));
    expect(documents.lookup(sha256Hex(documentOf(2)))).toBeUndefined();
    expect(documents.lookup(sha256Hex(trusted))).toBe(trusted);
    expect([documents.admits(sha256Hex(trusted)), documents.admits(sha256Hex(documentOf(2)))]).toEqual([true, false]);
  });

  it('is off with no memory and no list', () => {
    expect(new PersistedDocuments({ apqCacheBytes: 0, trusted: null }).enabled).toBe(false);
  });
});
