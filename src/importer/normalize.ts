// Reports are typed by hand in many offices: full-width digits, △ for minus, a zoo of dashes for "not
// applicable", units glued to numbers or not. These helpers absorb that variety so the parser can be strict
// about structure without being strict about typography. Japanese text itself is never rewritten.

export interface Cell {
  /** The number the cell states; null for dashes and for anything that is not a number. */
  value: number | null;
  /** What follows the number (団体, %, 回 ...); null when nothing does. */
  unit: string | null;
  /** The cell as published, trimmed. */
  text: string;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Lines in order, so index + 1 is the line number a reader sees in an editor whatever the line endings. */
export function splitLines(text: string): string[] {
  return stripBom(text).split(/\r\n|\r|\n/);
}

/**
 * Full-width ASCII (１, Ａ, ％, ，, －, （) → ASCII and the ideographic space → space. Character for character,
 * so an index found in the result is valid in the input: callers match on this and slice the original.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/**
 * For names that identify things across editions (titles, departments, indicator names): the same name
 * typed with full-width digits one year and ASCII the next must stay the same name. Punctuation such as
 * （） is left as published because it is part of how Japanese names are written.
 */
export function normalizeName(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

// Every character offices use for "no figure": hyphen-minus, hyphen, dashes, minus, full-width hyphen,
// box-drawing lines, and the katakana prolonged sound mark when it stands alone.
const DASH = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\u30fc\ufe63\uff0d\uff70';
const NOT_APPLICABLE = new RegExp(`^[${DASH}](?:[\\s\\u3000]*[${DASH}])*$`);

/** True for a cell that says "not applicable" with a dash (—, －, ―, −, ‐, -, ー alone ...). */
export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text.trim());
}

// △ and ▲ are the accounting way of writing a negative number; a dash glued to digits is a minus sign.
const NUMBER = new RegExp(`^(?:([△▲${DASH}])\\s*)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(.*)$`);
// A unit is a short word: no spaces, digits, separators or brackets, which would mean a sentence or a range.
const UNIT = /^[^\s\d.,~()[\]{}<>]{1,12}$/;

const notANumber = (text: string): Cell => ({ value: null, unit: null, text });

// Beyond 2^53 a double no longer holds every integer: 10^20 printed would be stored as some other
// number. No report's figure comes near it (a prefecture's budget is under 10^13 円), so such a cell is
// a misread, not a figure.
const LARGEST_FIGURE = Number.MAX_SAFE_INTEGER;

/** "17 団体" → 17 団体, "16.0%" → 16 %, "△1,200" → -1200, "—" → null; the published text is always kept. */
export function parseCell(text: string): Cell {
  const published = text.trim();
  if (published === '' || isNotApplicable(published)) return notANumber(published);
  const match = NUMBER.exec(toHalfWidth(published));
  if (!match) return notANumber(published);
  const [, sign, integer = '', fraction = '', rest = ''] = match;
  const unit = rest.trim();
  if (unit !== '' && !UNIT.test(unit)) return notANumber(published);
  const magnitude = Number(`${integer.replace(/,/g, '')}${fraction}`);
  if (!Number.isFinite(magnitude) || magnitude > LARGEST_FIGURE) return notANumber(published);
  // Avoid -0: "△0" means zero, and -0 would not compare equal in serialised form.
  const value = sign && magnitude !== 0 ? -magnitude : magnitude;
  return { value, unit: unit === '' ? null : unit, text: published };
}
