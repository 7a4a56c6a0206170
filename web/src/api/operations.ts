// Every GraphQL operation the page sends, in one place, typed by GraphQL Code Generator (web/codegen.ts).
//
// Today's served schema holds one municipality and its root fields take no `municipality` argument:
// the page reads the code from the URL and, until issue #15 is served, the documents below leave it
// out (the server's one municipality answers). The three marked CONTRACT are written against
// /work/shared/contract/municipalities.graphql (copied to web/schema/) and fail on today's server.
// After #15: add `$municipality: ID` to each document marked SCOPE, pass it to its root fields, and
// set it in the matching `…Variables` function at the end of this file.
import { graphql } from '../gql';
import type { AuditFilter, PointInTime, ValueKind } from '../gql/graphql';

/** CONTRACT: `/`, the municipalities this ledger holds. */
export const MunicipalitiesDocument = graphql(`
  query Municipalities {
    municipalities { code name prefecture }
  }
`);

/** SCOPE. The editions published: the as-of selectors, the edition links, the plan's latest year. */
export const EditionsDocument = graphql(`
  query EditionsList {
    editions { fiscalYear label importedAt sourceSha256 }
  }
`);

/**
 * SCOPE. `/{code}`: the plan's tree, each indicator's value for one fiscal year (the latest edition's:
 * the year whose actuals it reports). One value, not `values`: a list under every indicator of every
 * measure would cost more than the server admits (src/graphql/plugins/limits/cost.ts).
 */
export const PlanOverviewDocument = graphql(`
  query PlanOverview($at: PointInTime, $fiscalYear: Int!) {
    plan(at: $at) {
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

/** SCOPE. `/{code}/indicator/{id}`: one indicator's values as of a point in time. */
export const IndicatorDocument = graphql(`
  query IndicatorView($id: ID!, $at: PointInTime) {
    editions { fiscalYear label importedAt sourceSha256 }
    indicator(id: $id, at: $at) {
      id stableId name unit kind direction
      measure { code title department }
      project { id name department }
      values {
        fiscalYear target targetText actual actualText achievementRate targetRevised targetEdition actualEdition
      }
    }
  }
`);

/** SCOPE. Every statement of one value, oldest first: the history one click away from a table cell. */
export const ValueHistoryDocument = graphql(`
  query ValueHistory($id: ID!, $fiscalYear: Int!, $kind: ValueKind!, $at: PointInTime) {
    indicator(id: $id, at: $at) {
      id
      history(fiscalYear: $fiscalYear, kind: $kind) { id edition value text previousValue previousText reason actor recordedAt }
    }
  }
`);

/** CONTRACT (SCOPE). `/{code}/edition/{year}`: what that edition changed. */
export const EditionChangesDocument = graphql(`
  query EditionChangesView($edition: Int!) {
    editions { fiscalYear label sourceSha256 }
    editionChanges(edition: $edition) {
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

/** SCOPE. `/{code}/compare/{base}/{compare}`: two fiscal years side by side. */
export const CompareYearsDocument = graphql(`
  query CompareYearsView($base: Int!, $compare: Int!) {
    compareFiscalYears(base: $base, compare: $compare) {
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

/** CONTRACT. `/compare/{year}`: municipalities side by side. */
export const CompareMunicipalitiesDocument = graphql(`
  query CompareMunicipalitiesView($fiscalYear: Int!) {
    compareMunicipalities(fiscalYear: $fiscalYear) {
      municipality { code name prefecture }
      fiscalYear budget spending executionRate staffing measured achieved revisedTargets
    }
  }
`);

/** `/{code}/audit`: one page of the log, as an auditor's token may read it. After #15, filter.municipality. */
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

/** `/{code}/audit`: the chain walked since the head verified last. */
export const VerifyLedgerDocument = graphql(`
  query VerifyLedgerView {
    verifyLedger { ok events full fromPosition headHash headPosition brokenAt problem }
  }
`);

/** `/{code}/audit`: events as they are appended (graphql-ws). */
export const LiveEventsDocument = graphql(`
  subscription LiveAuditEvents($streamPrefix: String) {
    ledgerEvents(streamPrefix: $streamPrefix) { ...AuditEventFields }
  }
`);

// The variables of each SCOPE operation, from what the URL names. The municipality code is unused until
// #15 is served; then each returns `{ municipality: code, … }` (and audit's filter `municipality: code`).
export const editionsVariables = (_code: string) => ({});
export const planVariables = (_code: string, at: PointInTime | null, fiscalYear: number) => ({ at, fiscalYear });
export const indicatorVariables = (_code: string, id: string, at: PointInTime | null) => ({ id, at });
export const historyVariables = (_code: string, id: string, fiscalYear: number, kind: ValueKind, at: PointInTime | null) => ({
  id, fiscalYear, kind, at,
});
export const editionChangesVariables = (_code: string, edition: number) => ({ edition });
export const compareYearsVariables = (_code: string, base: number, compare: number) => ({ base, compare });
export const auditFilterFor = (_code: string, filter: AuditFilter): AuditFilter => filter;

/**
 * Until #15 the ledger names no municipality: the one it holds is the bundled sample's, 上山市. Used only
 * where the server answers `municipalities` with a validation error (the field is not served yet).
 */
export const ASSUMED_MUNICIPALITY = { code: '062073', name: '上山市', prefecture: '山形県' } as const;
