/**
 * The actor a request acts as, from its `Authorization` header (HTTP) or `connectionParams.authorization`
 * (graphql-ws). Both transports call this one function so that when tokens are verified (a later issue:
 * src/auth has the Authenticator) they are verified the same way on both.
 */
export function actorFromAuthorization(_authorization: string | null | undefined): string {
  return 'anonymous';
}

/** graphql-ws puts whatever the client sent in `connectionParams`; only a string is a header value. */
export function authorizationOf(connectionParams: Readonly<Record<string, unknown>> | undefined): string | null {
  const value = connectionParams?.['authorization'];
  return typeof value === 'string' ? value : null;
}
