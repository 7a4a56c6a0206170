// What an operation costs, before it runs: every field costs 1 (more for the few whose resolvers do
// more than one batched read), and a field returning a list multiplies what is selected below it by
// the list's size — the `first` a client asked for on a connection, an estimate elsewhere. So
// `measures { projects { measures { projects ... } } }` grows as the answer would, and aliases and
// fragments count every time they are used.
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../../pagination';

/**
 * Lists without `first`: about what one city's development plan (振興計画) holds — some 8 chapters of
 * 5 policies of 3 to 5 measures, each with a handful of indicators and about ten projects — rounded up.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.measures': 100,
  'Query.editions': 10,
  'Plan.chapters': 8,
  'Chapter.policies': 5,
  'Policy.measures': 5,
  'Measure.goals': 3,
  'Measure.indicators': 5,
  'Measure.projects': 10,
  'Project.measures': 3,
  'Project.indicators': 5,
  'Indicator.values': 10,
  'Indicator.history': 10,
  'FiscalYearComparison.indicators': 500,
  'ImportResult.changes': 500,
};

/** Connections: the page size is the client's `first` (default 50, at most MAX_PAGE_SIZE). */
export const CONNECTIONS: ReadonlySet<string> = new Set(['Query.projects', 'Query.auditTrail']);
const DEFAULT_PAGE_SIZE = 50;

/** Resolvers that do more than one batched read: a scan, a history, a write. */
export const BASE_COSTS: Readonly<Record<string, number>> = {
  'Query.compareFiscalYears': 100,
  'Query.auditTrail': 10,
  'Query.indicatorRevision': 2,
  'Indicator.history': 5,
  'Indicator.change': 5,
  'Mutation.recordValue': 10,
  'Mutation.importReport': 1000,
};

function pageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return DEFAULT_PAGE_SIZE;
  // A larger page is refused by the resolver (BAD_USER_INPUT names MAX_PAGE_SIZE); price what may run.
  return Math.min(Math.max(Math.trunc(first), 0), MAX_PAGE_SIZE);
}

export const ledgerCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection: flat, one per field; it is switched off in production (PLAN_LEDGER_INTROSPECTION).
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
  const key = `${type.name}.${field.name}`;
  const size = CONNECTIONS.has(key) ? pageSize(args['first']) : (LIST_SIZES[key] ?? 1);
  return (BASE_COSTS[key] ?? 1) + size * childComplexity;
};

/** More selections than this after fragments are expanded is refused whatever they cost. */
export const MAX_EVALUATED_NODES = 10_000;

export type OperationCost = { cost: number } | { tooManyNodes: true };

/**
 * The cost of `operation`, the one of the document a request runs. Variables that do not coerce are
 * ignored here (execution refuses them with BAD_USER_INPUT before any resolver runs), and a field whose
 * arguments do not coerce is priced at nothing (it fails without resolving anything below it).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): OperationCost {
  let cost = 0;
  // Without a name the library prices every operation in the document; an anonymous one is alone in it.
  const named = operation.name?.value;
  const rule = createComplexityRule({
    maximumComplexity: Number.MAX_SAFE_INTEGER,
    estimators: [ledgerCostEstimator],
    variables: { ...(variables ?? {}) },
    ...(named ? { operationName: named } : {}),
    maxQueryNodes: MAX_EVALUATED_NODES,
    onComplete: (complexity) => {
      cost = complexity;
    },
  });
  try {
    // Its only errors are about variables and arguments, which execution reports itself.
    validate(schema, document, [rule], { maxErrors: Number.MAX_SAFE_INTEGER });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return { tooManyNodes: true };
    throw error;
  }
  return { cost: Number.isFinite(cost) ? cost : Number.MAX_SAFE_INTEGER };
}
