// The 全国地方公共団体コード: a 5-digit JIS X 0401/0402 code and a check digit (総務省,
// https://www.soumu.go.jp/main_content/000137948.pdf): for d1…d5 it is (11 − (6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5) mod 11) mod 10.
import { DomainError } from '../domain-error';

const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** The check digit of a 5-digit code. */
export function checkDigitOf(fiveDigits: string): number {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(fiveDigits[i]), 0);
  return (11 - (sum % 11)) % 10;
}

/** A 6-digit code whose check digit is right, or a BAD_USER_INPUT naming what is wrong with it. */
export function assertMunicipalityCode(code: string, field = 'municipality'): string {
  if (!/^\d{6}$/.test(code)) {
    throw new DomainError('BAD_USER_INPUT', `a municipality code has 6 digits (e.g. 062073 for 上山市), got ${JSON.stringify(code.slice(0, 20))}`, field);
  }
  const expected = checkDigitOf(code.slice(0, 5));
  if (Number(code[5]) !== expected) {
    throw new DomainError('BAD_USER_INPUT', `${code} is not a municipality code: the check digit of ${code.slice(0, 5)} is ${expected}`, field);
  }
  return code;
}
