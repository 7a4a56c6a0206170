import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Limits } from '../../../config/limits';
import { MAX_EVALUATED_NODES, operationCost } from './cost';
import { limitError, withHttpStatus } from './limit-error';

/**
 * The operation's cost, and the error refusing it when that is more than `maxComplexity`. Used by the
 * Apollo plugin below and, for graphql-ws, by whatever checks operations there (src/http/ws-operation.ts).
 */
export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  limits: Pick<Limits, 'maxComplexity'>,
): { cost: number; error: GraphQLError | null } {
  const measured = operationCost(schema, document, operation, variables);
  const name = operation.name ? `operation ${operation.name.value}` : `the ${operation.operation}`;
  if ('tooManyNodes' in measured) {
    const error = limitError(
      'maxComplexity',
      limits.maxComplexity,
      MAX_EVALUATED_NODES,
      `${name} selects more than ${MAX_EVALUATED_NODES} fields once its fragments are expanded`,
      [operation],
    );
    return { cost: Number.POSITIVE_INFINITY, error };
  }
  if (measured.cost <= limits.maxComplexity) return { cost: measured.cost, error: null };
  const error = limitError(
    'maxComplexity',
    limits.maxComplexity,
    measured.cost,
    `${name} would cost ${measured.cost}; at most ${limits.maxComplexity} is allowed (ask for fewer fields, smaller pages or fewer nested lists)`,
    [operation],
  );
  return { cost: measured.cost, error };
}

export interface ComplexityOptions<TContext extends BaseContext> {
  onCost?: (cost: number, operationName: string | null) => void;
  admit?: (cost: number, request: GraphQLRequestContext<TContext>) => void;
}

/**
 * Prices the operation once it is known (so its variables count, e.g. `first: $n`) and refuses it,
 * with HTTP 400 and nothing executed, when it costs more than the limit. `onCost` sees every price,
 * e.g. for a metric or a log line; `admit` sees the price of an operation within the limit and may
 * refuse it by throwing (the server's per-client slots for expensive queries).
 */
export function complexityLimitPlugin<TContext extends BaseContext>(
  limits: Pick<Limits, 'maxComplexity'>,
  options: ComplexityOptions<TContext> = {},
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { schema, document, operation, request, operationName } = requestContext;
          if (!operation) return;
          const { cost, error } = checkComplexity(schema, document, operation, request.variables, limits);
          options.onCost?.(cost, operationName);
          if (error) throw withHttpStatus(error, 400);
          options.admit?.(cost, requestContext);
        },
      };
    },
  };
}
