import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from here whether the code runs from src/ (tests) or dist/ (npm start). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRoot(__dirname);
export const fromRoot = (...parts: string[]): string => join(REPO_ROOT, ...parts);
