// Search as a Japanese reader types: full-width and half-width letters and digits match each other
// (NFKC), case does not matter, and every word typed must appear.

export const normalized = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Whether every space-separated word of the query appears in one of the texts. */
export function matchesQuery(query: string, texts: ReadonlyArray<string | null | undefined>): boolean {
  const words = normalized(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalized(texts.filter((text): text is string => Boolean(text)).join('\n'));
  return words.every((word) => haystack.includes(word));
}
