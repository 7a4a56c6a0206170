// Every view is a deep link: the path names what is shown, the query string how (search, as-of, filters).
// The server serves the page for exactly these paths (src/http/page/deep-links.ts; a unit test checks
// the two agree), so a link pasted into an email opens the same view.
import { unqualifiedId } from '../logic/qualified-id';

export type Route =
  | { view: 'municipalities' }
  | { view: 'plan'; code: string }
  | { view: 'indicator'; code: string; indicatorId: string }
  | { view: 'edition'; code: string; edition: number }
  | { view: 'compareYears'; code: string; base: number; compare: number }
  | { view: 'compareMunicipalities'; fiscalYear: number }
  | { view: 'audit'; code: string }
  | { view: 'notFound'; path: string };

const CODE = '(\\d{6})';
const YEAR = '(\\d{4})';
const SEGMENT = '([^/]+)';

type Parser = (groups: string[]) => Route | null;

const PATTERNS: ReadonlyArray<[RegExp, Parser]> = [
  [new RegExp('^/$'), () => ({ view: 'municipalities' })],
  [new RegExp(`^/${CODE}$`), ([code = '']) => ({ view: 'plan', code })],
  [new RegExp(`^/${CODE}/indicator/${SEGMENT}$`), ([code = '', id = '']) => decodedIndicator(code, id)],
  [new RegExp(`^/${CODE}/edition/${YEAR}$`), ([code = '', year = '']) => ({ view: 'edition', code, edition: Number(year) })],
  [
    new RegExp(`^/${CODE}/compare/${YEAR}/${YEAR}$`),
    ([code = '', base = '', compare = '']) => ({ view: 'compareYears', code, base: Number(base), compare: Number(compare) }),
  ],
  [new RegExp(`^/compare/${YEAR}$`), ([year = '']) => ({ view: 'compareMunicipalities', fiscalYear: Number(year) })],
  [new RegExp(`^/${CODE}/audit$`), ([code = '']) => ({ view: 'audit', code })],
];

function decodedIndicator(code: string, encoded: string): Route | null {
  try {
    return { view: 'indicator', code, indicatorId: decodeURIComponent(encoded) };
  } catch {
    return null; // a malformed %-escape names no indicator
  }
}

/** The view a path names; a trailing slash is forgiven, as people type it. */
export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, parse] of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const route = parse(match.slice(1));
    if (route) return route;
  }
  return { view: 'notFound', path: pathname };
}

/**
 * The path of a view: the inverse of parseRoute. The indicator id is written unqualified (the path names
 * its municipality already) and is one path segment, so "/" is escaped.
 */
export function pathOf(route: Route): string {
  switch (route.view) {
    case 'municipalities':
      return '/';
    case 'plan':
      return `/${route.code}`;
    case 'indicator':
      return `/${route.code}/indicator/${encodeURIComponent(unqualifiedId(route.code, route.indicatorId))}`;
    case 'edition':
      return `/${route.code}/edition/${route.edition}`;
    case 'compareYears':
      return `/${route.code}/compare/${route.base}/${route.compare}`;
    case 'compareMunicipalities':
      return `/compare/${route.fiscalYear}`;
    case 'audit':
      return `/${route.code}/audit`;
    case 'notFound':
      return route.path;
  }
}
