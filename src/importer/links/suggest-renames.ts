// Between two editions a municipality often renames an indicator a little (NPO法人数 → NPO法人の数,
// 講座開催数 → まちづくり講座の開催回数). The ledger must not guess, but it can suggest: for each owner,
// an indicator gone from the earlier edition and one new in the later one whose names are alike. A
// person (or the import, asked to) then links them. Pure and small: names in, suggestions out.
import { normalizeName, toHalfWidth } from '../normalize';

export interface IndicatorRef {
  /** The measure code or project name. */
  owner: string;
  name: string;
}

export interface RenameSuggestion {
  from: IndicatorRef;
  to: IndicatorRef;
  /** 0–1: how alike the names are (1: the same once spaces and brackets are set aside). */
  similarity: number;
}

/** How names are compared: width, spaces, brackets and middle dots do not make a different name. */
export function comparisonKey(name: string): string {
  return toHalfWidth(normalizeName(name)).replace(/[\s()（）［］[\]「」『』【】・､、。.,]/g, '').toLowerCase();
}

function bigrams(key: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...key];
  if (chars.length === 1) grams.set(key, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * Dice's coefficient over character bigrams, which suits Japanese names (no word breaks to split on).
 * A name wholly inside the other (市民浸透度 in 第7次上山市振興計画の市民浸透度) counts as alike however
 * much longer the other is, when the shorter has at least three characters.
 */
export function nameSimilarity(a: string, b: string): number {
  const [keyA, keyB] = [comparisonKey(a), comparisonKey(b)];
  if (keyA === '' || keyB === '') return 0;
  if (keyA === keyB) return 1;
  const [gramsA, gramsB] = [bigrams(keyA), bigrams(keyB)];
  let shared = 0;
  for (const [gram, count] of gramsA) shared += Math.min(count, gramsB.get(gram) ?? 0);
  const total = [...gramsA.values(), ...gramsB.values()].reduce((sum, count) => sum + count, 0);
  const dice = (2 * shared) / total;
  const [shorter, longer] = keyA.length <= keyB.length ? [keyA, keyB] : [keyB, keyA];
  return [...shorter].length >= 3 && longer.includes(shorter) ? Math.max(dice, 0.75) : dice;
}

const refKey = (ref: IndicatorRef): string => `${ref.owner}\u0000${comparisonKey(ref.name)}`;

/**
 * Likely renames from `earlier` to `later` (two editions' indicators of one municipality): same owner,
 * gone from one and new in the other, names at least `threshold` alike. Each indicator is suggested at
 * most once, the most alike pairs first; ties go by name, so the same lists give the same suggestions.
 */
export function suggestRenames(earlier: readonly IndicatorRef[], later: readonly IndicatorRef[], threshold = 0.5): RenameSuggestion[] {
  const laterKeys = new Set(later.map(refKey));
  const earlierKeys = new Set(earlier.map(refKey));
  const gone = earlier.filter((ref) => !laterKeys.has(refKey(ref)));
  const added = later.filter((ref) => !earlierKeys.has(refKey(ref)));
  const candidates = gone
    .flatMap((from) => added.filter((to) => to.owner === from.owner).map((to) => ({ from, to, similarity: nameSimilarity(from.name, to.name) })))
    .filter((pair) => pair.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity || a.from.name.localeCompare(b.from.name) || a.to.name.localeCompare(b.to.name));
  const taken = new Set<string>();
  const suggestions: RenameSuggestion[] = [];
  for (const pair of candidates) {
    const [fromKey, toKey] = [`from:${refKey(pair.from)}`, `to:${refKey(pair.to)}`];
    if (taken.has(fromKey) || taken.has(toKey)) continue;
    taken.add(fromKey).add(toKey);
    suggestions.push({ ...pair, similarity: Math.round(pair.similarity * 1000) / 1000 });
  }
  return suggestions;
}
