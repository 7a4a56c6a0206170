import { badInput } from './errors';

export const MAX_PAGE_SIZE = 500;

export function checkFirst(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`${field} must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, field);
  }
  return first;
}

/** Opaque to clients; stable because it names a log position, which never changes. */
export function encodeCursor(position: number): string {
  return Buffer.from(`pos:${position}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, field = 'after'): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = /^pos:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) throw badInput(`${field} is not a cursor this API issued: ${JSON.stringify(cursor)}`, field);
  return Number(match[1]);
}

/**
 * A Relay window over positions: after/before cut it, then `last` (paging backward) takes its end,
 * otherwise `first` its start. `first` has a default in the contract (50), so with `last` it is ignored.
 */
export interface PageWindow {
  afterPosition: number;
  beforePosition: number | null;
  /** How many from the start; ignored when `last` is set. */
  first: number;
  /** How many from the end, paging backward. */
  last: number | null;
}

export interface PageArgs {
  first: number | null | undefined;
  after: string | null | undefined;
  last: number | null | undefined;
  before: string | null | undefined;
}

export function pageWindow(args: PageArgs): PageWindow {
  return {
    afterPosition: decodeCursor(args.after, 'after'),
    beforePosition: args.before === null || args.before === undefined ? null : decodeCursor(args.before, 'before'),
    first: checkFirst(args.first ?? 50),
    last: args.last === null || args.last === undefined ? null : checkFirst(args.last, 'last'),
  };
}

export interface PageInfoOf {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** Edges and pageInfo of one page; start and end cursors are null on an empty page. */
export function connectionOf<T>(nodes: readonly T[], positionOf: (node: T) => number, more: { hasNextPage: boolean; hasPreviousPage: boolean }) {
  const edges = nodes.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  const pageInfo: PageInfoOf = {
    ...more,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return { edges, pageInfo };
}

/** One page of items already in position order (in memory). */
export function pageOfList<T>(items: readonly T[], positionOf: (item: T) => number, window: PageWindow) {
  const { afterPosition, beforePosition, first, last } = window;
  const inWindow = items.filter((item) => positionOf(item) > afterPosition && (beforePosition === null || positionOf(item) < beforePosition));
  const before = afterPosition > 0 && items.some((item) => positionOf(item) <= afterPosition);
  const after = beforePosition !== null && items.some((item) => positionOf(item) >= beforePosition);
  if (last !== null) {
    const page = inWindow.slice(Math.max(0, inWindow.length - last));
    return connectionOf(page, positionOf, { hasPreviousPage: inWindow.length > last || before, hasNextPage: after });
  }
  return connectionOf(inWindow.slice(0, first), positionOf, { hasNextPage: inWindow.length > first || after, hasPreviousPage: before });
}
