import { pageArguments, pageSearch, readAuditQuery } from './audit-query';

describe("the audit view's URL", () => {
  it('reads filters, days in Japan time', () => {
    const query = readAuditQuery(new URLSearchParams('eventType=TargetRevised&actor=%20importer%20&edition=2022&from=2026-12-01&to=2026-12-02&after=42'));
    expect(query).toEqual({
      filter: { eventType: 'TargetRevised', actor: 'importer', edition: 2022, from: '2026-11-30T15:00:00.000Z', to: '2026-12-02T14:59:59.999Z' },
      after: '42',
      before: null,
    });
  });

  it('leaves out what is empty or malformed', () => {
    expect(readAuditQuery(new URLSearchParams('actor=&edition=x&from=12/01')).filter).toEqual({});
  });

  it('pages forward by default and backward before a cursor', () => {
    expect(pageArguments({ filter: {}, after: null, before: null })).toEqual({ first: 20, after: null, last: null, before: null });
    expect(pageArguments({ filter: {}, after: null, before: 'c9' })).toEqual({ last: 20, before: 'c9', first: null, after: null });
  });

  it('keeps the filter when moving to another page', () => {
    expect(pageSearch(new URLSearchParams('actor=a&after=1'), { before: 'c2' }).toString()).toBe('actor=a&before=c2');
  });
});
