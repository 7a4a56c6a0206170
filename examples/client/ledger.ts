import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export class LedgerError extends Error {
  constructor(readonly errors: ReadonlyArray<{ message: string; extensions?: { code?: string; field?: string } & Record<string, unknown> }>) {
    super(errors[0]?.message ?? 'request failed');
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
  get field(): string | undefined {
    return this.errors[0]?.extensions?.field;
  }
}

export const ENDPOINT = { url: '/graphql' };

export async function ledger<Data, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  token?: string,
): Promise<Data> {
  const response = await fetch(ENDPOINT.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Data | null; errors?: LedgerError['errors'] };
  if (body.errors?.length) throw new LedgerError(body.errors);
  if (!body.data) throw new LedgerError([{ message: `HTTP ${response.status} without data` }]);
  return body.data;
}
