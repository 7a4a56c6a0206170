// The only importer code that touches the file system: everything it reads goes through the pure parser.

import { readFile } from 'node:fs/promises';
import { parseReport } from './parse-report';
import type { ParsedReport } from './report-model';
import { ReportParseError } from './report-errors';

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    let length: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}

/**
 * Decodes text strictly as UTF-8, so a Shift_JIS export fails here rather than as mojibake further on,
 * at the line of the first byte that is not UTF-8. A BOM is dropped.
 */
export function decodeReport(bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
    const shown = Array.from(bytes.subarray(at, at + 4), (x) => x.toString(16).padStart(2, '0')).join(' ');
    throw new ReportParseError(line, 'UTF-8 text', `bytes that are not UTF-8 (Shift_JIS?): ${shown}`, file);
  }
}

export async function readReportFile(path: string): Promise<ParsedReport> {
  return parseReport(decodeReport(await readFile(path), path), { file: path });
}
