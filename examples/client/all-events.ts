import type { AuditPageQuery } from './gql/graphql';
import { AuditPageDocument } from './operations';
import { ledger } from './ledger';

export type AuditEventNode = NonNullable<AuditPageQuery['auditTrail']>['edges'][number]['node'];

export async function* allEvents(token: string): AsyncGenerator<AuditEventNode> {
  let after: string | null = null;
  do {
    const { auditTrail }: AuditPageQuery = await ledger(AuditPageDocument, { first: 500, after }, token);
    // A refused read is null with its error, which ledger() has thrown already.
    if (!auditTrail) return;
    yield* auditTrail.edges.map((edge) => edge.node);
    after = auditTrail.pageInfo.hasNextPage ? (auditTrail.pageInfo.endCursor ?? null) : null;
  } while (after);
}
