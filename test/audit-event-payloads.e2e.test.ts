// AuditEvent.eventType and AuditEvent.payload: the event catalogue as a GraphQL enum and one payload
// type per event type, read from the real log (every type the sample import appends, and an edit).
import { catalogue } from '../events/catalogue';
import { ledgerSchema } from '../src/graphql/schema';
import { sampleText } from './support/sample';
import { startTestServer, type TestServer } from './support/test-server';
import { isEnumType, isUnionType, isInterfaceType } from 'graphql';

interface Page {
  auditTrail: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: Node }> };
}

interface Node {
  type: string;
  eventType: string;
  data: Record<string, unknown>;
  payload: Record<string, unknown> & { __typename: string };
}

const PAGE = `query Events($after: String) {
  auditTrail(first: 500, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { type eventType data payload {
      __typename
      ... on ValueStatedPayload { indicatorId fiscalYear value text previousValue previousText effectiveEdition }
      ... on MeasureReportedPayload { code edition changes { field from to } }
      ... on IndicatorDefinedPayload { indicatorId kind direction unit ownerType }
      ... on IndicatorReportedPayload { indicatorId cells }
      ... on EditionImportedPayload { fiscalYear label eventCount }
    } } }
  }
}`;

let server: TestServer;
const nodes: Node[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await server.ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
  let after: string | null = null;
  do {
    const { data }: { data?: Page } = await server.gql<Page>(PAGE, { after });
    nodes.push(...data!.auditTrail.edges.map((edge) => edge.node));
    after = data!.auditTrail.pageInfo.hasNextPage ? data!.auditTrail.pageInfo.endCursor : null;
  } while (after);
});
afterAll(() => server.stop());

describe('the schema follows the event catalogue', () => {
  it('has every event type in LedgerEventType and a <type>Payload member of LedgerEventPayload for it', async () => {
    const schema = await ledgerSchema();
    const types = catalogue.map((definition) => definition.type).sort();
    const enumType = schema.getType('LedgerEventType');
    const union = schema.getType('LedgerEventPayload');
    expect(isEnumType(enumType) && enumType.getValues().map((value) => value.value).sort()).toEqual(types);
    expect(isUnionType(union) && union.getTypes().map((member) => member.name).sort()).toEqual(types.map((type) => `${type}Payload`).sort());
    const valueStated = schema.getType('ValueStatedPayload');
    expect(isInterfaceType(valueStated) && schema.getPossibleTypes(valueStated).map((member) => member.name).sort()).toEqual(
      ['ActualRecordedPayload', 'ActualRevisedPayload', 'TargetRevisedPayload', 'TargetSetPayload'],
    );
  });
});

describe('AuditEvent.eventType and payload', () => {
  it('give every event its type as the enum and its payload as <type>Payload', () => {
    expect(nodes.length).toBeGreaterThan(100);
    for (const node of nodes) {
      expect(node.eventType).toBe(node.type);
      expect(node.payload.__typename).toBe(`${node.type}Payload`);
    }
    expect(new Set(nodes.map((node) => node.type))).toEqual(new Set(['MeasureRegistered', 'MeasureReported', 'ProjectRegistered', 'ProjectReported', 'IndicatorDefined', 'IndicatorReported', 'TargetSet', 'ActualRecorded', 'EditionImported']));
  });

  it('carry the same values as data, typed', () => {
    for (const node of nodes) {
      const { __typename: _typename, ...payload } = node.payload;
      if (node.type === 'MeasureReported') {
        const changes = node.data['changes'] as Record<string, { from: unknown; to: unknown }>;
        expect(payload).toEqual({ code: node.data['code'], edition: node.data['edition'], changes: Object.entries(changes).map(([field, change]) => ({ field, ...change })) });
      } else if (Object.keys(payload).length > 0) {
        expect(node.data).toMatchObject(payload);
      }
    }
    const target = nodes.find((node) => node.type === 'TargetSet' && node.payload['value'] !== null);
    expect(target?.payload).toMatchObject({ fiscalYear: expect.any(Number), value: expect.any(Number), effectiveEdition: expect.any(Number) });
  });

  it('type an edit made through the API as well', async () => {
    const revision = (await server.gql<{ indicatorRevision: number }>(`{ indicatorRevision(id: "5-1-1/NPO法人数") }`)).data!.indicatorRevision;
    await server.gql(`mutation($input: RecordValueInput!) { recordValue(input: $input) { id } }`, {
      input: { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2021, kind: 'ACTUAL', value: 529, reason: 'correction', expectedRevision: revision },
    });
    const { data } = await server.gql<{ auditTrail: { edges: Array<{ node: Node }> } }>(
      `{ auditTrail(first: 1, filter: { actor: "test-admin" }) { edges { node { eventType payload { __typename ... on ValueStatedPayload { value previousValue fiscalYear } } } } } }`,
    );
    expect(data!.auditTrail.edges[0]?.node).toEqual({ eventType: 'ActualRevised', payload: { __typename: 'ActualRevisedPayload', value: 529, previousValue: 17, fiscalYear: 2021 } });
  });
});
