// Every GraphQL operation the page sends, in one place, typed by GraphQL Code Generator (web/codegen.ts).
//
// The ledger holds many municipalities: every view under /{code} names its municipality to the API
// (the `municipality` argument of a root field, or Query.municipality(code)), and asks with ids
// qualified by that code, so it reads the same whether the ledger holds one municipality or many.
import { graphql } from '../gql';
import type {
  AuditFilter,
  CompareYearsViewQueryVariables,
  EditionChangesViewQueryVariables,
  EditionsListQueryVariables,
  IndicatorViewQueryVariables,
  LiveAuditEventsSubscriptionVariables,
  PlanOverviewQueryVariables,
  PointInTime,
  ValueHistoryQueryVariables,
  ValueKind,
} from '../gql/graphql';
import { qualifiedId } from '../logic/qualified-id';

/** `/`, the municipalities this ledger holds. */
export const MunicipalitiesDocument = graphql(`
  query Municipalities {
    municipalities { code name prefecture }
  }
`);

/**
 * `/{code}`, first: the municipality's name (the plan's title, known even before it has an edition) and
 * the editions it published (the as-of selectors, the edition links, the plan's latest year).
 */
export const EditionsDocument = graphql(`
  query EditionsList($municipality: ID!) {
    municipality(code: $municipality) {
      code name prefecture
      editions { fiscalYear label importedAt sourceSha256 }
    }
  }
`);

/**
 * `/{code}`: the plan's tree, each indicator's value for one fiscal year (the latest edition's:
 * the year whose actuals it reports). One value, not `values`: a list under every indicator of every
 * measure would cost more than the server admits (src/graphql/plugins/limits/cost.ts).
 */
export const PlanOverviewDocument = graphql(`
  query PlanOverview($municipality: ID, $at: PointInTime, $fiscalYear: Int!) {
    plan(municipality: $municipality, at: $at) {
      title
      chapters {
        number
        title
        policies {
          code
          title
          measures {
            code
            title
            department
            indicators {
              id name unit kind
              value(fiscalYear: $fiscalYear) { fiscalYear target actual achievementRate }
            }
            projects { id name department editions cost { id } }
          }
        }
      }
    }
  }
`);

/** `/{code}/indicator/{id}`: one indicator's values as of a point in time. */
export const IndicatorDocument = graphql(`
  query IndicatorView($municipality: ID, $id: ID!, $at: PointInTime) {
    editions(municipality: $municipality) { fiscalYear label importedAt sourceSha256 }
    indicator(municipality: $municipality, id: $id, at: $at) {
      id stableId name unit kind direction
      measure { code title department }
      project { id name department }
      values {
        fiscalYear target targetText actual actualText achievementRate targetRevised targetEdition actualEdition
      }
    }
  }
`);

/** Every statement of one value, oldest first: the history one click away from a table cell. */
export const ValueHistoryDocument = graphql(`
  query ValueHistory($municipality: ID, $id: ID!, $fiscalYear: Int!, $kind: ValueKind!, $at: PointInTime) {
    indicator(municipality: $municipality, id: $id, at: $at) {
      id
      history(fiscalYear: $fiscalYear, kind: $kind) { id edition value text previousValue previousText reason actor recordedAt }
    }
  }
`);

/** `/{code}/edition/{year}`: what that edition changed. */
export const EditionChangesDocument = graphql(`
  query EditionChangesView($municipality: ID, $edition: Int!) {
    editions(municipality: $municipality) { fiscalYear label sourceSha256 }
    editionChanges(municipality: $municipality, edition: $edition) {
      edition
      label
      revisions {
        indicator { id name unit kind measure { code } project { name } }
        fiscalYear kind fromEdition from fromText to toText delta eased easedAfterMiss reason
      }
      addedIndicators { id name measure { code } project { name } }
      droppedIndicators { id name measure { code } project { name } }
      addedProjects { id name department }
      droppedProjects { id name department }
      departmentMoves { ownerType ownerId title from to }
    }
  }
`);

/** `/{code}/compare/{base}/{compare}`: two fiscal years side by side. */
export const CompareYearsDocument = graphql(`
  query CompareYearsView($municipality: ID, $base: Int!, $compare: Int!) {
    compareFiscalYears(municipality: $municipality, base: $base, compare: $compare) {
      base
      compare
      totals {
        budget { base compare delta }
        spending { base compare delta }
        staffing { base compare delta }
        measured { base compare delta }
        achieved { base compare delta }
      }
      indicators {
        indicator { id name kind unit measure { code department } project { id name department } }
        base { target actual achievementRate }
        compare { target actual achievementRate }
        targetDelta
        actualDelta
      }
    }
  }
`);

/** `/compare/{year}`: municipalities side by side. */
export const CompareMunicipalitiesDocument = graphql(`
  query CompareMunicipalitiesView($fiscalYear: Int!) {
    compareMunicipalities(fiscalYear: $fiscalYear) {
      municipality { code name prefecture }
      fiscalYear budget spending executionRate staffing measured achieved revisedTargets
    }
  }
`);

/** `/{code}/audit`: one page of the log, as an auditor's token may read it (auditFilterFor: this municipality's). */
export const AuditTrailDocument = graphql(`
  query AuditTrailView($first: Int, $after: String, $last: Int, $before: String, $filter: AuditFilter) {
    auditTrail(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...AuditEventFields } }
    }
  }
  fragment AuditEventFields on AuditEvent {
    id position streamId type recordedAt actor reason edition hash
  }
`);

/** `/{code}/audit`: the chain walked since the head verified last (the whole log's: one chain holds every municipality). */
export const VerifyLedgerDocument = graphql(`
  query VerifyLedgerView {
    verifyLedger { ok events full fromPosition headHash headPosition brokenAt problem }
  }
`);

/** `/{code}/audit`: this municipality's events as they are appended (graphql-ws). */
export const LiveEventsDocument = graphql(`
  subscription LiveAuditEvents($municipality: ID, $streamPrefix: String) {
    ledgerEvents(municipality: $municipality, streamPrefix: $streamPrefix) { ...AuditEventFields }
  }
`);

// The variables of each operation of one municipality's views, from what the URL names: its code, and an
// indicator id as the URL carries it (unqualified), qualified with that code.
export const editionsVariables = (code: string): EditionsListQueryVariables => ({ municipality: code });
export const planVariables = (code: string, at: PointInTime | null, fiscalYear: number): PlanOverviewQueryVariables => ({
  municipality: code, at, fiscalYear,
});
export const indicatorVariables = (code: string, id: string, at: PointInTime | null): IndicatorViewQueryVariables => ({
  municipality: code, id: qualifiedId(code, id), at,
});
export const historyVariables = (code: string, id: string, fiscalYear: number, kind: ValueKind, at: PointInTime | null): ValueHistoryQueryVariables => ({
  municipality: code, id: qualifiedId(code, id), fiscalYear, kind, at,
});
export const editionChangesVariables = (code: string, edition: number): EditionChangesViewQueryVariables => ({ municipality: code, edition });
export const compareYearsVariables = (code: string, base: number, compare: number): CompareYearsViewQueryVariables => ({ municipality: code, base, compare });
export const liveEventsVariables = (code: string): LiveAuditEventsSubscriptionVariables => ({ municipality: code });
/** The audit trail of the municipality in view: an auditor acting for several sees one at a time. */
export const auditFilterFor = (code: string, filter: AuditFilter): AuditFilter => ({ ...filter, municipality: code });
