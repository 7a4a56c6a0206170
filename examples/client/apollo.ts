import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createLedgerClient(uri: string, token: () => string | null): ApolloClient {
  const authorization = new SetContextLink(({ headers }) => {
    const current = token();
    return current ? { headers: { ...headers, authorization: `Bearer ${current}` } } : {};
  });
  return new ApolloClient({
    // A hash first, the document only when the server asks for it (automatic persisted queries).
    link: ApolloLink.from([authorization, new PersistedQueryLink({ sha256 }), new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}
