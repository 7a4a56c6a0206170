// What a client sees of an error, the same over HTTP (Apollo's formatError) and graphql-ws: always an
// `extensions.code`; the message only when it was written for the client; never a stack trace or a
// hint about the schema ("Did you mean ...") outside development.
import { GraphQLError, Kind, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { toClientError } from './errors';
import { inputFieldOf } from './input-error-field';

/** Codes whose messages were written for clients and are passed on as they are. */
export const CLIENT_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_NOT_TRUSTED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SUBSCRIBER_TOO_SLOW',
  'TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
]);

const VALUE_NODES: ReadonlySet<string> = new Set([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/**
 * graphql-js reports a literal that a scalar or enum refuses (`recordedAt: "yesterday"`, `first: "ten"`)
 * while validating the document, so Apollo labels it GRAPHQL_VALIDATION_FAILED. For a client it is bad
 * input like the same value sent as a variable, and such errors, unlike those about the document's
 * shape, point at the value itself.
 */
export function validationErrorCode(error: GraphQLError): 'BAD_USER_INPUT' | 'GRAPHQL_VALIDATION_FAILED' {
  const node = error.nodes?.[0];
  return node !== undefined && VALUE_NODES.has(node.kind) ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
}

/** Apollo's own refusals of a persisted query's request, which it sends without a code. */
const APOLLO_BAD_REQUESTS: ReadonlySet<string> = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

const SCHEMA_HINT = /\s*Did you mean [^?]*\?/g;

/** graphql-js suggests field, type and enum names; outside development they would map the schema for a prober. */
export const withoutSchemaHints = (message: string): string => message.replace(SCHEMA_HINT, '');

/** Longest message a client gets: messages quote inputs, and an input may be megabytes long. */
export const MAX_MESSAGE_LENGTH = 1000;

/** The message cut to MAX_MESSAGE_LENGTH characters, saying how much was cut. */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  return `${message.slice(0, MAX_MESSAGE_LENGTH)}… (${message.length - MAX_MESSAGE_LENGTH} more characters cut)`;
}

export interface ErrorFormatterOptions {
  logger?: Logger | undefined;
  development: boolean;
}

export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export function createErrorFormatter({ logger, development }: ErrorFormatterOptions): ErrorFormatter {
  const scrub = (message: string) => boundedMessage(development ? message : withoutSchemaHints(message));
  return (formatted, error) => {
    // Resolver errors, and errors a transport wrapped, carry the error that was thrown inside them.
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    const client = toClientError(original);
    if (client) {
      return { message: boundedMessage(client.message), path: formatted.path, locations: formatted.locations, extensions: { ...client.extensions } };
    }
    let code = formatted.extensions?.['code'];
    if (code === 'INTERNAL_SERVER_ERROR' && original instanceof GraphQLError && APOLLO_BAD_REQUESTS.has(original.message)) code = 'BAD_REQUEST';
    if (code === 'GRAPHQL_VALIDATION_FAILED' && error instanceof GraphQLError) code = validationErrorCode(error);
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      // Every input error names its input; graphql-js's own say it only in their messages.
      const field = code === 'BAD_USER_INPUT' && formatted.extensions?.['field'] === undefined && error instanceof GraphQLError ? inputFieldOf(error) : null;
      return {
        ...formatted,
        message: scrub(formatted.message),
        extensions: { ...(development ? formatted.extensions : extensions), code, ...(field !== null ? { field } : {}) },
      };
    }
    logger?.error({ err: original }, 'unexpected error in a GraphQL request');
    return {
      message: development && original instanceof Error ? original.message : 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
