import { GraphQLError } from 'graphql';
import { AuthenticationError } from '../auth/authenticator';
import { ForbiddenError, UnauthenticatedError } from '../auth/authorization';
import { DomainError } from '../domain/domain-error';
import { ReportParseError } from '../importer/report-errors';

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/** Errors the domain, the importer and the auth checks raise → errors a client can act on, by `extensions.code`. */
export function toClientError(error: unknown): GraphQLError | null {
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: error.code, ...(error.field ? { field: error.field } : {}), ...error.details },
    });
  }
  if (error instanceof ReportParseError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'BAD_USER_INPUT', field: 'text', line: error.line, expected: error.expected, found: error.found },
    });
  }
  if (error instanceof AuthenticationError || error instanceof UnauthenticatedError || error instanceof ForbiddenError) {
    return new GraphQLError(error.message, { extensions: { code: error.code } });
  }
  return null;
}
