import { readFileSync, writeFileSync } from 'node:fs';
import { SCHEMA_FILE, servedSchemaSdl } from '../../graphql/emit-schema';

export async function emitSchema(options: { check: boolean }): Promise<number> {
  const sdl = await servedSchemaSdl();
  if (options.check) {
    const current = readFileSync(SCHEMA_FILE, 'utf8');
    if (current !== sdl) {
      console.error(`${SCHEMA_FILE} is stale: run plan-ledger schema`);
      return 1;
    }
    console.log(`${SCHEMA_FILE} is up to date`);
    return 0;
  }
  writeFileSync(SCHEMA_FILE, sdl);
  console.log(`wrote ${SCHEMA_FILE}`);
  return 0;
}
