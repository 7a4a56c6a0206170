import { etagOf, ifNoneMatchHits, questionDigest } from './etag';

const question = { queryHash: 'q', operationName: 'Op', variables: { a: 1, b: [1, 2] }, vary: '' };

describe('etag', () => {
  it('names the same question the same way whatever the order of its variables', () => {
    expect(questionDigest(question)).toBe(questionDigest({ ...question, variables: { b: [1, 2], a: 1 } }));
  });

  it('tells apart variables, operations, documents and whatever the answer varies by', () => {
    const digest = questionDigest(question);
    expect(questionDigest({ ...question, variables: { a: 2, b: [1, 2] } })).not.toBe(digest);
    expect(questionDigest({ ...question, operationName: 'Other' })).not.toBe(digest);
    expect(questionDigest({ ...question, queryHash: 'r' })).not.toBe(digest);
    expect(questionDigest({ ...question, vary: 'Bearer x' })).not.toBe(digest);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    const etag = etagOf(42, 'abc');
    expect(etag).toBe('"42-abc"');
    expect(ifNoneMatchHits('"41-abc", "42-abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('W/"42-abc"', etag)).toBe(true);
    expect(ifNoneMatchHits('*', etag)).toBe(true);
    expect(ifNoneMatchHits('"41-abc"', etag)).toBe(false);
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
  });
});
