// The statements file in either form, told apart by its bytes (an .xlsx is a zip file, PK\x03\x04), not
// its name, so a renamed file is still read as what it is.
import { readCsvRecords } from './csv-records';
import { decodeText } from './decode-text';
import { readStatements, type StatementsFile } from './read-statements';
import { readStatementsWorkbook } from './read-statements-workbook';
import { isStatementsHeader } from './statement-columns';

export const isWorkbookBytes = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * True for a file `plan-ledger import` reads as statements: a workbook (a text report never is one), or
 * CSV text whose first line names every required column. Anything else is a text report.
 */
export function isStatementsFile(bytes: Uint8Array): boolean {
  if (isWorkbookBytes(bytes)) return true;
  const { text } = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  try {
    const [header] = readCsvRecords(firstLine, undefined);
    return header !== undefined && isStatementsHeader(header.cells);
  } catch {
    return false;
  }
}

export async function readStatementsFile(bytes: Uint8Array, file?: string): Promise<StatementsFile> {
  return isWorkbookBytes(bytes) ? readStatementsWorkbook(bytes, file) : readStatements(bytes, file);
}
