import { Ledger } from '../application/ledger';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import { sampleText } from '../../test/support/sample';
import { LedgerEventFeed } from './ledger-event-feed';

const MAX_BACKLOG = 5;
import type { AuditEvent } from './types/ledger-types';

const record = (ledger: Ledger, value: number) =>
  ledger.recordValue('062073', { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value, text: null, reason: `value ${value}` }, 'tester');

describe('LedgerEventFeed', () => {
  let ledger: Ledger;
  let feed: LedgerEventFeed;

  beforeEach(async () => {
    ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    feed = await LedgerEventFeed.start(ledger.log, { maxBacklog: MAX_BACKLOG, municipalityOf: (event) => ledger.municipalityOf(event) });
  });
  afterEach(async () => {
    await feed.close();
    await ledger.close();
  });

  it('counts its subscribers and forgets one that returns', async () => {
    const events = (await feed.events(null))[Symbol.asyncIterator]();
    const pending = events.next();
    expect(feed.subscriberCount).toBe(1);
    await record(ledger, 1);
    expect(((await pending).value as AuditEvent).reason).toBe('value 1');
    await events.return?.();
    expect(feed.subscriberCount).toBe(0);
  });

  it('ends a subscriber that falls too far behind, after what it had buffered', async () => {
    const events = (await feed.events('062073-indicator-'))[Symbol.asyncIterator]();
    const pending = events.next();
    for (let n = 0; n <= MAX_BACKLOG + 1; n += 1) await record(ledger, n);
    expect(((await pending).value as AuditEvent).reason).toBe('value 0');
    let delivered = 1;
    const ending = await (async () => {
      for (;;) {
        try {
          const next = await events.next();
          if (next.done) return 'done';
          delivered += 1;
        } catch (error) {
          return error;
        }
      }
    })();
    expect(delivered).toBe(MAX_BACKLOG + 1);
    expect(ending).toMatchObject({ extensions: { code: 'SUBSCRIBER_TOO_SLOW' } });
    expect(feed.subscriberCount).toBe(0);
  });
});
