// Statements files come from Excel as often as from scripts: UTF-8 with or without a BOM, or Shift_JIS
// (CP932, what Excel in Japan saves as "CSV"). A file that is not valid UTF-8 is read as CP932.
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'shift_jis';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'shift_jis' };
  }
}
