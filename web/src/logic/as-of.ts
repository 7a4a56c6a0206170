// The as-of selector lives in the URL (?edition=2021, ?at=2026-12-01T09:30), so a past view is a link
// too. `at` is the wall-clock time in Japan, as a person reads it; the server wants an instant.
import type { PointInTime } from '../gql/graphql';

export interface AsOf {
  edition: number | null;
  /** YYYY-MM-DDTHH:mm, Japan time, as an <input type="datetime-local"> holds it. */
  at: string | null;
}

const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function readAsOf(search: URLSearchParams): AsOf {
  const edition = Number(search.get('edition'));
  const at = search.get('at');
  return {
    edition: Number.isInteger(edition) && edition >= 1989 && edition <= 2100 ? edition : null,
    at: at && LOCAL_MINUTE.test(at) ? at : null,
  };
}

/** The query string for an as-of choice, other parameters kept. */
export function writeAsOf(search: URLSearchParams, asOf: AsOf): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [name, value] of [['edition', asOf.edition === null ? null : String(asOf.edition)], ['at', asOf.at]] as const) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  return next;
}

/** Japan keeps no daylight saving time: a wall-clock minute there is this instant, the end of the minute included. */
export function japanMinuteToInstant(local: string): string {
  return new Date(`${local}:59.999+09:00`).toISOString();
}

/** The PointInTime argument, or null for the present. */
export function pointInTime(asOf: AsOf): PointInTime | null {
  if (asOf.edition === null && asOf.at === null) return null;
  return {
    ...(asOf.edition !== null ? { edition: asOf.edition } : {}),
    ...(asOf.at !== null ? { recordedAt: japanMinuteToInstant(asOf.at) } : {}),
  };
}
