// npm run build's second half: the page (web/) — operation types generated from the schema, the page
// type-checked, then bundled by Vite into web/dist. Skipped when nothing it reads has changed since the
// last build (jest's global setup builds before every run: an unchanged page costs ~0.1 s, not ~15 s).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'web');
const OUT = join(WEB, 'dist');
const STAMP = join(OUT, '.inputs-sha256');

/** Every file under dir, generated types left out (they are an output). */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(WEB, 'src', 'gql') ? [] : filesUnder(path);
    return [path];
  });
}

function inputsHash() {
  const inputs = [
    ...['index.html', 'vite.config.mts', 'codegen.ts', 'tsconfig.json', 'build-page.mjs'].map((name) => join(WEB, name)),
    ...filesUnder(join(WEB, 'src')),
    join(ROOT, 'schema', 'schema.graphql'),
    join(ROOT, 'package-lock.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function run(script, args) {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', script), ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const hash = inputsHash();
const force = process.argv.includes('--force');
if (!force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) process.exit(0);

run('@graphql-codegen/cli/cjs/bin.js', ['--config', 'web/codegen.ts']);
run('typescript/bin/tsc', ['-p', 'web/tsconfig.json']);
// Built beside the served directory, then swapped in: a server reading web/dist never sees half a build.
const staging = join(WEB, `.dist-${process.pid}`);
const { build } = await import('vite');
await build({ configFile: join(WEB, 'vite.config.mts'), build: { outDir: staging } });
writeFileSync(join(staging, '.inputs-sha256'), hash);
const retired = join(WEB, `.dist-old-${process.pid}`);
if (existsSync(OUT)) renameSync(OUT, retired);
renameSync(staging, OUT);
rmSync(retired, { recursive: true, force: true });
