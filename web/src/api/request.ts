// POSTs one typed operation to the ledger and answers its data, or throws what went wrong with the code
// the server gave (UNAUTHENTICATED, FORBIDDEN, GRAPHQL_VALIDATION_FAILED …) for the view to explain.
import type { TypedDocumentString } from '../gql/graphql';
import { sendRetryingAfter429 } from './retry-after';

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

interface GraphQLResponseBody<R> {
  data?: R | null;
  errors?: GraphQLErrorBody[];
}

export class LedgerRequestError extends Error {
  constructor(message: string, readonly code: string | null) {
    super(message);
    this.name = 'LedgerRequestError';
  }
}

/** The GraphQL endpoint the server names in the page (<meta name="plan-ledger-graphql">), /graphql by default. */
export function graphqlEndpoint(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="plan-ledger-graphql"]');
  return meta?.content || '/graphql';
}

export async function request<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  options: { token?: string | null; signal?: AbortSignal } = {},
): Promise<R> {
  const send = () =>
    fetch(graphqlEndpoint(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  const response = await sendRetryingAfter429(send, options.signal);
  const body = (await response.json().catch(() => ({}))) as GraphQLResponseBody<R>;
  // A refused field is null with its error beside data that did answer: the page shows the refusal,
  // since every view needs all it asked for.
  const firstError = body.errors?.[0];
  if (firstError) throw new LedgerRequestError(firstError.message, firstError.extensions?.code ?? null);
  if (!response.ok || !body.data) throw new LedgerRequestError(`HTTP ${response.status}`, null);
  return body.data;
}
