import { GraphQLError, type ASTNode } from 'graphql';
import { LIMIT_VARIABLES } from '../../../config/limits';

export type MeasuredLimit = 'maxDepth' | 'maxComplexity' | 'maxTokens' | 'requestTimeoutMs' | 'maxBodyBytes' | 'maxOperationsPerSocket';

/** What every limit error carries besides its code: the limit's variable, its value, and what was measured. */
export interface LimitExtensions {
  limit: (typeof LIMIT_VARIABLES)[MeasuredLimit];
  maximum: number;
  measured: number;
}

export const limitExtensions = (limit: MeasuredLimit, maximum: number, measured: number): LimitExtensions => ({
  limit: LIMIT_VARIABLES[limit],
  maximum,
  measured,
});

/**
 * A request refused for exceeding a limit before any resolver runs: GRAPHQL_VALIDATION_FAILED, naming
 * the limit's variable, its value and what this request measured, so a client sees by how much to
 * shrink it and an operator which variable to raise.
 */
export function limitError(limit: MeasuredLimit, maximum: number, measured: number, message: string, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(message, {
    ...(nodes && nodes.length > 0 ? { nodes } : {}),
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...limitExtensions(limit, maximum, measured) },
  });
}

/** Apollo answers an error thrown from a plugin hook with HTTP 500 unless the error names a status. */
export function withHttpStatus(error: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    extensions: { ...error.extensions, http: { status } },
  });
}
