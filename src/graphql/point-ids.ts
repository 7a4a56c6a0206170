// Ids of objects read at a point in time carry that point, so a normalized client cache (Apollo's
// InMemoryCache, Relay's store) keeps a past view apart from the present instead of overwriting one
// with the other. The present keeps the bare stable id, unchanged.
import { isNow, type AsOf } from '../../projections/queries/as-of';

const POINT = /@(?:position=(\d{1,15})(?:,edition=(\d{1,4}))?|edition=(\d{1,4}))$/;

export function idAt(stableId: string, asOf: AsOf): string {
  if (isNow(asOf)) return stableId;
  const parts: string[] = [];
  if (asOf.position !== null) parts.push(`position=${asOf.position}`);
  if (asOf.edition !== null) parts.push(`edition=${asOf.edition}`);
  return `${stableId}@${parts.join(',')}`;
}

/** The stable id and the point an id names; `asOf` is null for a bare (present) id. */
export function splitId(id: string): { stableId: string; asOf: AsOf | null } {
  const match = POINT.exec(id);
  if (!match) return { stableId: id, asOf: null };
  const edition = match[2] ?? match[3];
  return {
    stableId: id.slice(0, match.index),
    asOf: { position: match[1] !== undefined ? Number(match[1]) : null, edition: edition !== undefined ? Number(edition) : null },
  };
}
