// The statements file in either form, told apart by its bytes (an .xlsx is a zip file, PK\x03\x04), not
// its name, so a renamed file is still read as what it is.
import { readStatements, type StatementsFile } from './read-statements';
import { readStatementsWorkbook } from './read-statements-workbook';

export const isWorkbookBytes = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function readStatementsFile(bytes: Uint8Array, file?: string): Promise<StatementsFile> {
  return isWorkbookBytes(bytes) ? readStatementsWorkbook(bytes, file) : readStatements(bytes, file);
}
