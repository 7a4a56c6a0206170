// --layout LAYOUT names a layout file, or one plan-ledger ships (src/importer/layouts/shipped): a file
// of that name is read first, so a municipality's own copy wins over the shipped one it started from.
import { readFile } from 'node:fs/promises';
import { SHIPPED_LAYOUTS, shippedLayout } from '../../../importer/layouts/shipped-layouts';

export interface LayoutSource {
  /** The layout's YAML or JSON text. */
  text: string;
  /** Named in errors about the layout. */
  file: string;
}

export async function readLayoutSource(layout: string): Promise<LayoutSource> {
  try {
    return { text: await readFile(layout, 'utf8'), file: layout };
  } catch (error) {
    const shipped = shippedLayout(layout);
    if (shipped) return { text: shipped.text, file: shipped.file };
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new Error(`--layout ${layout}: ${why}, and no shipped layout of that name (${SHIPPED_LAYOUTS.map((s) => s.name).join(', ')})`);
  }
}
