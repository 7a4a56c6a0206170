// recordValue over HTTP as two front-end clients would use it: read the revision, write with
// expectedRevision, lose a race and be told the current revision; retry with an idempotency key.
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';

const NPO = '062073:5-1-1/NPO法人数';
const REVISION = `query Revision($id: ID!) { indicatorRevision(id: $id) }`;
const RECORD = `mutation Record($input: RecordValueInput!) {
  recordValue(input: $input) { id value(fiscalYear: 2021) { actual } }
}`;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
});
afterAll(() => server.stop());

async function revision(id = NPO): Promise<number> {
  const result = await server.gql<{ indicatorRevision: number }>(REVISION, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.indicatorRevision;
}

const eventCount = async (): Promise<number> =>
  (await server.gql<{ auditTrail: { totalCount: number } }>(`{ auditTrail(first: 0) { totalCount } }`)).data!.auditTrail.totalCount;

const input = (value: number, extra: Record<string, unknown> = {}) => ({ indicatorId: NPO, fiscalYear: 2021, kind: 'ACTUAL', value, reason: 'register recount', ...extra });

describe('Query.indicatorRevision', () => {
  it("is the indicator stream's last revision, and moves with each edit", async () => {
    const before = await revision();
    expect(before).toBe(await server.ledger.log.streamRevision('062073-indicator-5-1-1/NPO法人数'));
    await server.gql(RECORD, { input: input(30) });
    expect(await revision()).toBe(before + 1);
  });

  it('is NOT_FOUND for an unknown indicator', async () => {
    const result = await server.gql(REVISION, { id: '9-9-9/存在しない指標' });
    expect(result.data).toEqual({ indicatorRevision: null });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
  });
});

describe('recordValue with expectedRevision', () => {
  it('writes when nobody wrote since the read', async () => {
    const read = await revision();
    const result = await server.gql<{ recordValue: { value: { actual: number } } }>(RECORD, { input: input(31, { expectedRevision: read }) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordValue.value.actual).toBe(31);
    expect(await revision()).toBe(read + 1);
  });

  it('is a CONFLICT with the current revision when someone else wrote first, and appends nothing', async () => {
    const read = await revision();
    // Another client writes in between.
    expect((await server.gql(RECORD, { input: input(32, { expectedRevision: read }) })).errors).toBeUndefined();
    const events = await eventCount();

    const late = await server.gql(RECORD, { input: input(33, { expectedRevision: read }) });

    expect(late.data).toEqual({ recordValue: null });
    expect(late.errors).toHaveLength(1);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentRevision: read + 1, expectedRevision: read });
    expect(late.errors?.[0]?.message).toMatch(/someone else wrote first/);
    expect(await eventCount()).toBe(events);

    // Read again, write again: the client's way out of a conflict.
    const retried = await server.gql(RECORD, { input: input(33, { expectedRevision: late.errors?.[0]?.extensions?.['currentRevision'] }) });
    expect(retried.errors).toBeUndefined();
  });
});

describe('recordValue with idempotencyKey', () => {
  it('returns the first result to a retry and appends nothing', async () => {
    const key = `edit-${Date.now()}`;
    const first = await server.gql(RECORD, { input: input(40, { idempotencyKey: key }) });
    expect(first.errors).toBeUndefined();
    const events = await eventCount();
    const revisionAfterFirst = await revision();

    const retry = await server.gql(RECORD, { input: input(40, { idempotencyKey: key }) });

    expect(retry).toEqual(first);
    expect(await eventCount()).toBe(events);
    expect(await revision()).toBe(revisionAfterFirst);
  });

  it('answers a retry that carries the stale expectedRevision of the first attempt with its first result', async () => {
    const key = `edit-with-revision-${Date.now()}`;
    const read = await revision();
    const first = await server.gql(RECORD, { input: input(41, { expectedRevision: read, idempotencyKey: key }) });
    expect(first.errors).toBeUndefined();
    const events = await eventCount();

    // The response was lost; the client retries exactly what it sent, revision and all.
    const retry = await server.gql(RECORD, { input: input(41, { expectedRevision: read, idempotencyKey: key }) });

    expect(retry).toEqual(first);
    expect(await eventCount()).toBe(events);
  });

  it('refuses the same key with a different edit as CONFLICT on idempotencyKey, and appends nothing', async () => {
    const key = `reused-${Date.now()}`;
    expect((await server.gql(RECORD, { input: input(44, { idempotencyKey: key }) })).errors).toBeUndefined();
    const events = await eventCount();
    for (const changed of [input(45, { idempotencyKey: key }), input(44, { idempotencyKey: key, reason: 'another reason' }), input(44, { idempotencyKey: key, fiscalYear: 2022 })]) {
      const refused = await server.gql(RECORD, { input: changed });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    }
    expect(await eventCount()).toBe(events);
  });

  it('refuses a key longer than 200 characters, naming the field, and appends nothing', async () => {
    const events = await eventCount();
    const refused = await server.gql(RECORD, { input: input(46, { idempotencyKey: 'k'.repeat(100_000) }) });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    expect(refused.errors?.[0]?.message.length).toBeLessThan(200);
    expect((await server.gql(RECORD, { input: input(46, { idempotencyKey: 'k'.repeat(200) }) })).errors).toBeUndefined();
    expect(await eventCount()).toBe(events + 1);
  });

  it('refuses a reason or text made of invisible characters', async () => {
    const events = await eventCount();
    for (const [extra, field] of [
      [{ reason: '\u0000' }, 'reason'],
      [{ reason: 'recount\u202Edaer' }, 'reason'],
      [{ value: null, text: '\u200B' }, 'text'],
    ] as const) {
      const refused = await server.gql(RECORD, { input: input(47, extra) });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await eventCount()).toBe(events);
    expect((await server.gql(RECORD, { input: input(47, { reason: '名簿の再集計\n（二行目）' }) })).errors).toBeUndefined();
  });

  it('writes again under a new key', async () => {
    const events = await eventCount();
    await server.gql(RECORD, { input: input(42, { idempotencyKey: `a-${Date.now()}` }) });
    await server.gql(RECORD, { input: input(43, { idempotencyKey: `b-${Date.now()}` }) });
    expect(await eventCount()).toBe(events + 2);
  });
});
