// The only importer code that touches the file system: everything it reads goes through the pure parser.

import { readFile } from 'node:fs/promises';
import { parseReport } from './parse-report';
import type { ParsedReport } from './report-model';
import { ReportParseError } from './report-errors';

/** Decodes text strictly as UTF-8, so a Shift_JIS export fails here rather than as mojibake further on. */
export function decodeReport(bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReportParseError(1, 'UTF-8 text', 'bytes that are not UTF-8 (Shift_JIS?)', file);
  }
}

export async function readReportFile(path: string): Promise<ParsedReport> {
  return parseReport(decodeReport(await readFile(path), path), { file: path });
}
