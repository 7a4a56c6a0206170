// The page's operations, with the variables its views send, priced as the server prices them
// (src/graphql/plugins/limits/cost.ts): each within the default cost limit (src/config/limits.ts), and
// which of them count as expensive (src/http/expensive-queries.ts: a few at once per client address,
// then 429, which the page waits out: web/src/api/retry-after.ts).
import { parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_CLIENT_LIMITS } from '../src/config/client-limits';
import { DEFAULT_LIMITS } from '../src/config/limits';
import { operationCost } from '../src/graphql/plugins/limits';
import { ledgerSchema } from '../src/graphql/schema';
import * as page from '../web/src/api/operations';
import { pageArguments, readAuditQuery } from '../web/src/logic/audit-query';

const CODE = '062073';
const auditPage = readAuditQuery(new URLSearchParams());

const operations: Array<[string, { toString(): string }, Record<string, unknown>]> = [
  ['Municipalities', page.MunicipalitiesDocument, {}],
  ['EditionsList', page.EditionsDocument, page.editionsVariables(CODE)],
  ['PlanOverview', page.PlanOverviewDocument, page.planVariables(CODE, null, 2022)],
  ['PlanOverview as of an edition', page.PlanOverviewDocument, page.planVariables(CODE, { edition: 2021 }, 2021)],
  ['IndicatorView', page.IndicatorDocument, page.indicatorVariables(CODE, '5-1-1/NPO法人数', null)],
  ['ValueHistory', page.ValueHistoryDocument, page.historyVariables(CODE, '5-1-1/NPO法人数', 2023, 'TARGET', null)],
  ['EditionChangesView', page.EditionChangesDocument, page.editionChangesVariables(CODE, 2022)],
  ['CompareYearsView', page.CompareYearsDocument, page.compareYearsVariables(CODE, 2021, 2022)],
  ['CompareMunicipalitiesView', page.CompareMunicipalitiesDocument, { fiscalYear: 2022 }],
  ['AuditTrailView', page.AuditTrailDocument, { ...pageArguments(auditPage), filter: page.auditFilterFor(CODE, auditPage.filter) }],
  ['VerifyLedgerView', page.VerifyLedgerDocument, {}],
  ['LiveAuditEvents', page.LiveEventsDocument, page.liveEventsVariables(CODE)],
];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await ledgerSchema();
});

function costOf(document: { toString(): string }, variables: Record<string, unknown>): number {
  const parsed = parse(document.toString());
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation in the document');
  const measured = operationCost(schema, parsed, operation, variables);
  if ('tooManyNodes' in measured) throw new Error('more fields than the server evaluates');
  return measured.cost;
}

describe("the page's operations under the server's default limits", () => {
  it.each(operations)('admits %s', (_name, document, variables) => {
    expect(costOf(document, variables)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxComplexity);
  });

  it('leaves the plan room to grow: a plan of twice the chapters the cost model assumes would still be admitted', () => {
    expect(costOf(page.PlanOverviewDocument, page.planVariables(CODE, null, 2022)) * 2).toBeLessThanOrEqual(DEFAULT_LIMITS.maxComplexity);
  });

  it('counts as expensive only the plan, the changes of an edition, the two comparisons and the chain walk', () => {
    const expensive = operations
      .filter(([, document, variables]) => costOf(document, variables) >= DEFAULT_CLIENT_LIMITS.expensiveCost)
      .map(([name]) => name);
    expect(expensive).toEqual(['PlanOverview', 'PlanOverview as of an edition', 'EditionChangesView', 'CompareYearsView', 'CompareMunicipalitiesView', 'VerifyLedgerView']);
  });
});
