import { DomainError } from './domain-error';

export const FISCAL_YEAR_MIN = 1989;
export const FISCAL_YEAR_MAX = 2100;

export function assertFiscalYear(year: number, field = 'fiscalYear'): void {
  if (!Number.isInteger(year) || year < FISCAL_YEAR_MIN || year > FISCAL_YEAR_MAX) {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a whole year from ${FISCAL_YEAR_MIN} to ${FISCAL_YEAR_MAX}, got ${year}`, field);
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

export function assertText(text: string | null | undefined, field: string, maxLength = 10_000): string {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') throw new DomainError('BAD_USER_INPUT', `${field} is required`, field);
  if (trimmed.length > maxLength) {
    throw new DomainError('BAD_USER_INPUT', `${field} is longer than ${maxLength} characters`, field);
  }
  return trimmed;
}
