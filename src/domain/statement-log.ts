import type { JsonValue } from '../shared/json';

/** One statement of a value: which edition it counts for and where it stands in its stream. */
export interface Statement<T> {
  effectiveEdition: number;
  revision: number;
  value: T;
}

/**
 * The precedence rule of the contract: the statement with the highest edition wins; ties go to the
 * later recording. With `edition`, editions after it are ignored.
 */
export function winningStatement<T>(statements: readonly Statement<T>[], edition?: number): Statement<T> | undefined {
  let best: Statement<T> | undefined;
  for (const s of statements) {
    if (edition !== undefined && s.effectiveEdition > edition) continue;
    if (!best || s.effectiveEdition > best.effectiveEdition || (s.effectiveEdition === best.effectiveEdition && s.revision > best.revision)) {
      best = s;
    }
  }
  return best;
}

/** Deep equality for JSON values, insensitive to key order. */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => sameJson(a[k], b[k]));
}
