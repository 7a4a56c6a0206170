// What `npm run build` puts in dist/ (jest's global setup has just run it): the code that ships, and no
// test, no code kept for tests under a testing/ folder.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromRoot } from '../src/config/paths';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [relative(fromRoot('dist'), path)];
  });
}

describe('the build', () => {
  const built = filesUnder(fromRoot('dist'));

  it('compiles the code that ships', () => {
    expect(built).toEqual(expect.arrayContaining(['src/cli/main.js', 'src/store/hash-chain.js', 'src/store/kurrentdb/kurrentdb-event-store.js']));
  });

  it('leaves out tests and every testing/ folder', () => {
    expect(built.filter((path) => /\.test\.js(\.map)?$/.test(path) || path.split(/[\\/]/).includes('testing'))).toEqual([]);
  });
});
