import { graphql } from './gql';
import { ledger, LedgerError } from './ledger';

export const IndicatorRevisionDocument = graphql(`
  query IndicatorRevision($id: ID!) {
    indicatorRevision(id: $id)
  }
`);

export const RecordValueDocument = graphql(`
  mutation RecordValue($input: RecordValueInput!) {
    recordValue(input: $input) { id name }
  }
`);

export const AuditPageDocument = graphql(`
  query AuditPage($first: Int, $after: String) {
    auditTrail(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          position type eventType recordedAt actor
          payload {
            __typename
            ... on ValueStatedPayload { indicatorId fiscalYear value previousValue }
          }
        }
      }
    }
  }
`);

/** Records an actual for the user, at the revision they saw; null when someone else wrote first. */
export async function saveActual(id: string, fiscalYear: number, value: number, token: string): Promise<string | null> {
  const { indicatorRevision } = await ledger(IndicatorRevisionDocument, { id }, token);
  try {
    const { recordValue } = await ledger(
      RecordValueDocument,
      { input: { indicatorId: id, fiscalYear, kind: 'ACTUAL', value, reason: 'entered by the user', expectedRevision: indicatorRevision, idempotencyKey: crypto.randomUUID() } },
      token,
    );
    // A refused write is null with its error, which ledger() has thrown already.
    return recordValue?.name ?? null;
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'CONFLICT') return null;
    throw error;
  }
}
