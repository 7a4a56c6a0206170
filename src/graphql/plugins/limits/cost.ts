// What an operation costs, before it runs: every field costs 1 (more for the few whose resolvers do
// more than one batched read), and a field returning a list multiplies what is selected below it by
// the list's size — the `first` a client asked for on a connection, an estimate elsewhere. So
// `measures { projects { measures { projects ... } } }` grows as the answer would, and aliases and
// fragments count every time they are used.
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
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
  'ImportEvaluationReportPayload.indicators': 500,
  'RecordIndicatorValuePayload.events': 1,
  // A prefecture's platform: its municipalities. A national one holds more, but each row of these two is
  // cheap (the code table in memory; one set-based read for all of compareMunicipalities); what matters
  // is that nested reads under many municipalities add up, and they still do.
  'Query.municipalities': 100,
  'Query.compareMunicipalities': 200,
  'Municipality.measures': 100,
  'Municipality.editions': 10,
  'Municipality.departments': 50,
  'EditionChanges.revisions': 500,
  'EditionChanges.addedIndicators': 100,
  'EditionChanges.droppedIndicators': 100,
  'EditionChanges.addedProjects': 50,
  'EditionChanges.droppedProjects': 50,
  'EditionChanges.departmentMoves': 50,
};

/** `measures(department: …)`: what one 課 owns. */
export const DEPARTMENT_MEASURES = 10;

/** Connections: the page size is the client's `first` (default 50, at most MAX_PAGE_SIZE). */
export const CONNECTIONS: ReadonlySet<string> = new Set(['Query.projects', 'Municipality.projects', 'Query.auditTrail', 'ImportEvaluationReportPayload.events']);
const DEFAULT_PAGE_SIZE = 50;

/** Resolvers that do more than one batched read: a scan, a history, a write. */
export const BASE_COSTS: Readonly<Record<string, number>> = {
  // A walk of the hash chain, in a worker thread; one-verify.ts allows one per request.
  'Query.verifyLedger': 5_000,
  'Query.compareFiscalYears': 100,
  'Municipality.compareFiscalYears': 100,
  // One set-based read over every municipality's values of a year, and three over an edition's.
  'Query.compareMunicipalities': 100,
  'Query.editionChanges': 30,
  'Municipality.editionChanges': 30,
  'Query.auditTrail': 10,
  'Query.indicatorRevision': 2,
  'Indicator.history': 5,
  'Indicator.change': 5,
  'Indicator.revision': 2,
  'Mutation.recordValue': 10,
  'Mutation.recordIndicatorValue': 10,
  'Mutation.importReport': 1000,
  'Mutation.importEvaluationReport': 1000,
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
  const size = CONNECTIONS.has(key)
    ? pageSize(args['first'])
    : (key === 'Query.measures' || key === 'Municipality.measures') && typeof args['department'] === 'string'
      ? DEPARTMENT_MEASURES
      : (LIST_SIZES[key] ?? 1);
  return (BASE_COSTS[key] ?? 1) + size * childComplexity;
};

/** More selections than this after fragments are expanded is refused whatever they cost. */
export const MAX_EVALUATED_NODES = 10_000;

export type OperationCost = { cost: number } | { tooManyNodes: true };

/**
 * Prices already computed, per document (Apollo hands every request with the same text the same parsed
 * document) and per operation and variables. Only prices computed with variables that coerce are kept:
 * a price computed with variables that do not would be too low for the same document with ones that do.
 */
const priced = new WeakMap<DocumentNode, Map<string, OperationCost>>();
const MAX_PRICES_PER_DOCUMENT = 64;
const MAX_VARIABLES_KEY = 2_048;

function priceKey(operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> | null | undefined): string | null {
  let json: string;
  try {
    json = JSON.stringify(variables ?? {});
  } catch {
    return null;
  }
  return json.length > MAX_VARIABLES_KEY ? null : `${operation.name?.value ?? ''}\u0000${json}`;
}

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
  const key = priceKey(operation, variables);
  const prices = priced.get(document);
  const known = key === null ? undefined : prices?.get(key);
  if (known) return known;
  const measured = measureCost(schema, document, operation, variables);
  if (key !== null && !getVariableValues(schema, operation.variableDefinitions ?? [], { ...(variables ?? {}) }, { maxErrors: 1 }).errors) {
    const map = prices ?? new Map<string, OperationCost>();
    if (map.size >= MAX_PRICES_PER_DOCUMENT) map.clear();
    map.set(key, measured);
    priced.set(document, map);
  }
  return measured;
}

function measureCost(
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
