// graphql-ws runs parse, validate and execute itself and reports their errors bare, with no
// extensions.code. Doing the request checks here gives each failure the code Apollo gives the same
// failure over HTTP, so a client handles errors the same way on either transport.
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { Limits } from '../config/limits';
import { validationErrorCode } from '../graphql/format-error';
import { checkComplexity, limitParseOptions, limitValidationRules } from '../graphql/plugins/limits';

export interface OperationPayload {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
}

export interface CheckedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

export function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    originalError: error.originalError ?? null,
    extensions: { ...error.extensions, code },
  });
}

export function checkOperation(schema: GraphQLSchema, payload: OperationPayload, limits?: Limits): CheckedOperation | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query, limits ? limitParseOptions(limits) : undefined);
  } catch (error) {
    return [withCode(error instanceof GraphQLError ? error : new GraphQLError(String(error)), 'GRAPHQL_PARSE_FAILED')];
  }
  const invalid = validate(schema, document, limits ? [...specifiedRules, ...limitValidationRules(limits)] : specifiedRules);
  if (invalid.length > 0) return invalid.map((error) => withCode(error, validationErrorCode(error)));
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (!operation) {
    const message = payload.operationName ? `no operation named "${payload.operationName}"` : 'the document must name the operation to run';
    return [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 50 });
  if (coerced.errors) return coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT'));
  if (limits) {
    const { error } = checkComplexity(schema, document, operation, payload.variables, limits);
    if (error) return [error];
  }
  return { document, operation };
}
