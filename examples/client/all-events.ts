import type { AuditPageQuery } from './gql/graphql';
import { AuditPageDocument } from './operations';
import { ledger } from './ledger';

export type AuditEventNode = AuditPageQuery['auditTrail']['edges'][number]['node'];

export async function* allEvents(token: string): AsyncGenerator<AuditEventNode> {
  let after: string | null = null;
  do {
    const page: AuditPageQuery = await ledger(AuditPageDocument, { first: 500, after }, token);
    yield* page.auditTrail.edges.map((edge) => edge.node);
    after = page.auditTrail.pageInfo.hasNextPage ? (page.auditTrail.pageInfo.endCursor ?? null) : null;
  } while (after);
}
