// How the test kit is laid out: every test file names its tier, and code kept for tests (under a
// `testing/` folder, left out of dist/ by `npm run build`) is reached only from tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../src/config/paths';

const NOT_SOURCE = new Set(['node_modules', 'dist', 'data', 'coverage', '.git']);
/** Where the code that ships (or runs as the CLI and the benchmark) lives. */
const PRODUCTION_ROOTS = ['src/', 'events/', 'projections/', 'bench/', 'bin/'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (NOT_SOURCE.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [relative(REPO_ROOT, path)];
  });
}

const sources = filesUnder(REPO_ROOT);
const isTest = (path: string) => /\.test\.ts$/.test(path);
const inTestingFolder = (path: string) => path.split(/[\\/]/).includes('testing');

/** Every module a file names in an import, export … from, require() or import(). */
function specifiers(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s*)['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? '');
}

describe('the test kit', () => {
  it('names every test file by its tier (unit, int or e2e), so one of test:unit|int|e2e runs it', () => {
    expect(sources.filter((path) => isTest(path) && !/\.(unit|int|e2e)\.test\.ts$/.test(path))).toEqual([]);
  });

  it('keeps code under testing/ folders out of production code: only tests and other testing code import it', () => {
    const production = sources.filter(
      (path) => PRODUCTION_ROOTS.some((root) => path.startsWith(root)) && /\.[jt]s$/.test(path) && !isTest(path) && !inTestingFolder(path),
    );
    const offenders = production.flatMap((path) =>
      specifiers(readFileSync(join(REPO_ROOT, path), 'utf8'))
        .filter((specifier) => specifier.startsWith('.') && inTestingFolder(specifier))
        .map((specifier) => `${path} imports ${specifier}`),
    );
    expect(production.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it('finds an import of a testing/ folder when there is one (the check itself works)', () => {
    expect(specifiers(`import { x } from '../testing/contract';\nconst y = require("./testing/db");`)).toEqual([
      '../testing/contract',
      './testing/db',
    ]);
  });
});
