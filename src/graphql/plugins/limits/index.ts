// Limits on what one request may ask: depth, cost, document size, time, body size, introspection, one verifyLedger.
// Configured by src/config/limits.ts (PLAN_LEDGER_MAX_* variables, validated at start-up).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { Limits } from '../../../config/limits';
import { complexityLimitPlugin, type ComplexityOptions } from './complexity';
import { depthLimitRule } from './depth';
import { noIntrospectionRule } from './introspection';
import { oneVerifyPerRequestRule } from './one-verify';
import { timeBudgetPlugin, type TimeBudgetOptions } from './time-budget';

export { limitedJsonBody } from './body-limit';
export { checkComplexity, complexityLimitPlugin } from './complexity';
export { LIST_SIZES, BASE_COSTS, CONNECTIONS, operationCost, ledgerCostEstimator } from './cost';
export { depthLimitRule, operationDepths } from './depth';
export { noIntrospectionRule } from './introspection';
export { oneVerifyPerRequestRule } from './one-verify';
export { TIMEOUT_CODE, timeBudgetPlugin } from './time-budget';

/** Validation rules: run once per distinct document (Apollo caches validated documents). */
export function limitValidationRules(limits: Pick<Limits, 'maxDepth' | 'introspection'>): ValidationRule[] {
  return [depthLimitRule(limits.maxDepth), oneVerifyPerRequestRule, ...(limits.introspection ? [] : [noIntrospectionRule])];
}

/** graphql-js stops parsing past this many tokens, before validation (whose cost grows with the document). */
export const limitParseOptions = (limits: Pick<Limits, 'maxTokens'>): ParseOptions => ({ maxTokens: limits.maxTokens });

export interface LimitPluginOptions<TContext extends BaseContext> {
  onCost?: (cost: number, operationName: string | null) => void;
  admit?: ComplexityOptions<TContext>['admit'];
  onTimeout?: TimeBudgetOptions['onTimeout'];
  /** Only for type inference at the call site. */
  context?: TContext;
}

/** Apollo plugins: the cost check (needs the variables, so per request) and the time budget. */
export function limitPlugins<TContext extends BaseContext>(limits: Limits, options: Omit<LimitPluginOptions<TContext>, 'context'> = {}): ApolloServerPlugin<TContext>[] {
  return [
    complexityLimitPlugin<TContext>(limits, {
      ...(options.onCost ? { onCost: options.onCost } : {}),
      ...(options.admit ? { admit: options.admit } : {}),
    }),
    timeBudgetPlugin<TContext>(limits, options.onTimeout ? { onTimeout: options.onTimeout } : {}),
  ];
}

/**
 * Everything for `new ApolloServer({ ...apolloLimitOptions(limits), ... })`, plugins aside. Leave
 * Apollo's own `introspection` option on: `limitValidationRules` refuses introspection when
 * PLAN_LEDGER_INTROSPECTION is off (with a message naming it, and on graphql-ws too); switching both
 * off would answer every introspection query with two errors.
 */
export function apolloLimitOptions(limits: Limits): { validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  return { validationRules: limitValidationRules(limits), parseOptions: limitParseOptions(limits) };
}
