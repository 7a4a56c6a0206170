import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AuthenticationError, type Authenticator } from '../auth/authenticator';
import type { Principal } from '../auth/principal';

/**
 * Who a request acts as, from its `Authorization` header (HTTP) or `connectionParams.authorization`
 * (graphql-ws): both transports call this one function, so tokens are verified the same way on both.
 */
export async function principalFromAuthorization(authenticator: Authenticator, authorization: string | null | undefined): Promise<Principal> {
  try {
    return await authenticator.authenticate(authorization);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    // RFC 6750: a 401 names the scheme and why the credentials were refused. (graphql-ws ignores `http`.)
    const challenge = new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]);
    throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: challenge } } });
  }
}

/** graphql-ws puts whatever the client sent in `connectionParams`; only a string is a header value. */
export function authorizationOf(connectionParams: Readonly<Record<string, unknown>> | undefined): string | null {
  const value = connectionParams?.['authorization'];
  return typeof value === 'string' ? value : null;
}
