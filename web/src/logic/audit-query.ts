// The audit view's filters and page live in the URL (never the token): a filtered, paged trail is a
// link an auditor can send to a colleague, who signs in with their own token.
import type { AuditFilter } from '../gql/graphql';

export const PAGE_SIZE = 20;

export const FILTER_FIELDS = ['eventType', 'actor', 'streamId', 'edition', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface AuditQuery {
  filter: AuditFilter;
  after: string | null;
  before: string | null;
}

/** A date (YYYY-MM-DD, Japan) as the instant the day starts there, or ends, for from / to. */
const dayBound = (day: string, end: boolean) => new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}+09:00`).toISOString();
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readAuditQuery(search: URLSearchParams): AuditQuery {
  const text = (name: FilterField) => search.get(name)?.trim() || null;
  const edition = Number(text('edition'));
  const from = text('from');
  const to = text('to');
  const filter: AuditFilter = {
    ...(text('eventType') ? { eventType: text('eventType') } : {}),
    ...(text('actor') ? { actor: text('actor') } : {}),
    ...(text('streamId') ? { streamId: text('streamId') } : {}),
    ...(Number.isInteger(edition) && edition > 0 ? { edition } : {}),
    ...(from && DAY.test(from) ? { from: dayBound(from, false) } : {}),
    ...(to && DAY.test(to) ? { to: dayBound(to, true) } : {}),
  };
  return { filter, after: search.get('after'), before: search.get('before') };
}

/** The arguments of auditTrail for this page: forward from `after`, or backward before `before`. */
export function pageArguments(query: AuditQuery) {
  return query.before
    ? { last: PAGE_SIZE, before: query.before, first: null, after: null }
    : { first: PAGE_SIZE, after: query.after, last: null, before: null };
}

/** The query string of another page of the same filter. */
export function pageSearch(search: URLSearchParams, page: { after?: string; before?: string }): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete('after');
  next.delete('before');
  if (page.after) next.set('after', page.after);
  if (page.before) next.set('before', page.before);
  return next;
}
