import { badInput } from './errors';

export const MAX_PAGE_SIZE = 500;

export function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return first;
}

/** Opaque to clients; stable because it names a log position, which never changes. */
export function encodeCursor(position: number): string {
  return Buffer.from(`pos:${position}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^pos:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw badInput(`after is not a cursor this API issued: ${JSON.stringify(cursor)}`, 'after');
  return Number(match[1]);
}
