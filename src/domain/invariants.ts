import { DomainError } from './domain-error';
import { isSupportedFiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from './fiscal-year';

export function assertFiscalYear(year: number, field = 'fiscalYear'): void {
  if (!isSupportedFiscalYear(year)) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a whole year from ${MIN_FISCAL_YEAR} to ${MAX_FISCAL_YEAR}, got ${year}`, field);
  }
}

export function assertFiniteOrNull(value: number | null, field = 'value'): void {
  if (value !== null && !Number.isFinite(value)) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a finite number or null, got ${value}`, field);
  }
}

export function assertNonNegativeOrNull(value: number | null, field: string): void {
  if (value !== null && value < 0) {
    throw new DomainError('BAD_USER_INPUT', `${field} cannot be negative, got ${value}`, field);
  }
}

// Control characters (tab and line breaks aside) and format characters (zero-width spaces, bidi
// overrides) print as nothing or reorder what is shown: "\u0000" would pass for a reason, and a bidi
// override could make a logged reason read other than it is.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const ALLOWED_CONTROLS = /[\t\n\r]/g;

/** Refuses text holding a control or format character, naming the field and the character's code point. */
export function assertPrintable(text: string, field: string): void {
  const found = INVISIBLE.exec(text.replace(ALLOWED_CONTROLS, ' '));
  if (found) {
    const codePoint = `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new DomainError('BAD_USER_INPUT', `${field} holds an invisible character (${codePoint}) at index ${found.index}`, field);
  }
}

export function assertText(text: string | null | undefined, field: string, maxLength = 10_000): string {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') throw new DomainError('BAD_USER_INPUT', `${field} is required`, field);
  assertPrintable(trimmed, field);
  if (trimmed.length > maxLength) {
    throw new DomainError('BAD_USER_INPUT', `${field} is longer than ${maxLength} characters`, field);
  }
  return trimmed;
}
