// The payload mutations answer everything a client cache needs after a write: the indicator with its
// new revision, and the events the write appended, exactly as auditTrail shows them.
import { sampleText } from './support/sample';
import { tokenFor } from './support/server-process';
import { startTestServer, type TestServer } from './support/test-server';

const NPO = '062073:5-1-1/NPO法人数';
const EVENT = 'id position streamId streamRevision type actor reason data';
const RECORD = `mutation($input: RecordValueInput!) {
  recordIndicatorValue(input: $input) {
    revision alreadyRecorded
    indicator { id revision value(fiscalYear: 2022) { actual } }
    events { ${EVENT} }
  }
}`;

interface AuditNode {
  id: string;
  position: string;
  streamId: string;
  streamRevision: number;
  type: string;
  actor: string;
  reason: string | null;
  data: Record<string, unknown>;
}
interface Recorded {
  recordIndicatorValue: {
    revision: number;
    alreadyRecorded: boolean;
    indicator: { id: string; revision: number; value: { actual: number } };
    events: AuditNode[];
  } | null;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
});
afterAll(() => server.stop());

const input = (value: number, extra: Record<string, unknown> = {}) => ({ indicatorId: NPO, fiscalYear: 2022, kind: 'ACTUAL', value, reason: 'recount', ...extra });
const lastEvents = async (count: number) => {
  const trail = await server.gql<{ auditTrail: { totalCount: number } }>(`{ auditTrail(first: 0) { totalCount } }`);
  const after = Buffer.from(`pos:${trail.data!.auditTrail.totalCount - count}`).toString('base64url');
  const page = await server.gql<{ auditTrail: { edges: Array<{ node: AuditNode }> } }>(`query($after: String) { auditTrail(first: 50, after: $after) { edges { node { ${EVENT} } } } }`, { after });
  return page.data!.auditTrail.edges.map((edge) => edge.node);
};

describe('Mutation.recordIndicatorValue', () => {
  it('answers the indicator, its new revision and the appended event, as auditTrail and indicatorRevision show them', async () => {
    const editor = `Bearer ${await tokenFor('editor', 'editor-user', ['市政戦略課'])}`;
    const result = await server.gql<Recorded>(RECORD, { input: input(21) }, { authorization: editor });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.recordIndicatorValue!;
    const revision = await server.gql<{ indicatorRevision: number }>(`{ indicatorRevision(id: "${NPO}") }`);
    expect(payload.revision).toBe(revision.data!.indicatorRevision);
    expect(payload.indicator).toEqual({ id: NPO, revision: payload.revision, value: { actual: 21 } });
    expect(payload.alreadyRecorded).toBe(false);
    expect(payload.events).toEqual(await lastEvents(1));
    expect(payload.events[0]).toMatchObject({ streamId: '062073-indicator-5-1-1/NPO法人数', streamRevision: payload.revision, actor: 'editor-user', reason: 'recount' });
  });

  it('answers a retry with the same key with the first call’s event and revision, appending nothing', async () => {
    const first = await server.gql<Recorded>(RECORD, { input: input(22, { idempotencyKey: 'save-22' }) });
    const retry = await server.gql<Recorded>(RECORD, { input: input(22, { idempotencyKey: 'save-22' }) });
    expect(retry.data!.recordIndicatorValue).toEqual({ ...first.data!.recordIndicatorValue, alreadyRecorded: true });
    expect(await lastEvents(1)).toEqual(first.data!.recordIndicatorValue!.events);
  });

  it('is null with its error when refused, like recordValue', async () => {
    const viewer = `Bearer ${await tokenFor('viewer')}`;
    const result = await server.gql<Recorded>(RECORD, { input: input(23) }, { authorization: viewer });
    expect(result.data).toEqual({ recordIndicatorValue: null });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('Indicator.revision', () => {
  it('is the stream revision now, and as the log stood at a past recordedAt', async () => {
    const before = await server.gql<{ indicator: { revision: number } }>(`{ indicator(id: "${NPO}") { revision } }`);
    const instant = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await server.gql(RECORD, { input: input(24) });
    const views = await server.gql<{ now: { revision: number }; then: { revision: number }; indicatorRevision: number }>(
      `query($t: DateTimeISO!) { now: indicator(id: "${NPO}") { revision } then: indicator(id: "${NPO}", at: { recordedAt: $t }) { revision } indicatorRevision(id: "${NPO}") }`,
      { t: instant },
    );
    expect(views.data).toEqual({ now: { revision: before.data!.indicator.revision + 1 }, then: before.data!.indicator, indicatorRevision: before.data!.indicator.revision + 1 });
  });
});

describe('Mutation.importEvaluationReport', () => {
  const IMPORT = `mutation($text: String!, $dryRun: Boolean, $after: String) {
    importEvaluationReport(input: { municipality: "062073", text: $text, dryRun: $dryRun }) {
      result { eventsAppended dryRun }
      indicators { id revision value(fiscalYear: 2021) { target actual } }
      events(first: 2, after: $after) { totalCount edges { cursor node { position streamId } } pageInfo { hasNextPage endCursor } }
    }
  }`;
  interface Imported {
    importEvaluationReport: {
      result: { eventsAppended: number; dryRun: boolean };
      indicators: Array<{ id: string; revision: number; value: { target: number | null; actual: number | null } | null }>;
      events: { totalCount: number; edges: Array<{ cursor: string; node: { position: string; streamId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } | null;
  }
  const changed = sampleText().replace('17 団体', '19 団体');

  it('on a dry run: the summary, no indicators and no events', async () => {
    const result = await server.gql<Imported>(IMPORT, { text: changed, dryRun: true });
    expect(result.data!.importEvaluationReport).toMatchObject({ result: { eventsAppended: 0, dryRun: true }, indicators: [], events: { totalCount: 0, edges: [] } });
  });

  it('answers the indicators it changed, with their revisions, and its events, paged', async () => {
    const result = await server.gql<Imported>(IMPORT, { text: changed });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.importEvaluationReport!;
    expect(payload.result.eventsAppended).toBeGreaterThan(0);
    const revision = await server.gql<{ indicatorRevision: number }>(`{ indicatorRevision(id: "${NPO}") }`);
    // The sample's first "17 団体" is NPO法人数's 2021 target.
    expect(payload.indicators).toEqual([{ id: NPO, revision: revision.data!.indicatorRevision, value: { target: 19, actual: 17 } }]);
    expect(payload.events.totalCount).toBe(payload.result.eventsAppended);
    const appended = await lastEvents(payload.result.eventsAppended);
    expect(payload.events.edges.map((edge) => edge.node)).toEqual(appended.slice(0, 2).map(({ position, streamId }) => ({ position, streamId })));
    expect(payload.events.pageInfo.hasNextPage).toBe(payload.result.eventsAppended > 2);
  });
});
