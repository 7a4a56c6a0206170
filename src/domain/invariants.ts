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

export function assertText(text: string | null | undefined, field: string, maxLength = 10_000): string {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') throw new DomainError('BAD_USER_INPUT', `${field} is required`, field);
  if (trimmed.length > maxLength) {
    throw new DomainError('BAD_USER_INPUT', `${field} is longer than ${maxLength} characters`, field);
  }
  return trimmed;
}
