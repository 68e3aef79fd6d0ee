/**
 * Relay-style keyset pagination shared by every list: a cursor is the opaque (base64url) sort key
 * of an item, pages are "items after/before that key", so a page costs an index seek however deep
 * it is, and the order is stable while data is added.
 */
import { InvalidInputError } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly last?: number | null | undefined;
  readonly before?: string | null | undefined;
}

/** A validated page request in terms of sort keys. */
export interface PageRequest {
  readonly size: number;
  readonly direction: 'forward' | 'backward';
  readonly afterKey: string | undefined;
  readonly beforeKey: string | undefined;
}

export interface Edge<T> {
  readonly cursor: string;
  readonly node: T;
}

export interface Connection<T> {
  readonly edges: Edge<T>[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: () => Promise<number>;
}

/** Cursors carry a version prefix, so a string that merely looks like base64 is not taken for one. */
const CURSOR_PREFIX = 'k1:';

export const encodeCursor = (key: string) =>
  Buffer.from(CURSOR_PREFIX + key, 'utf8').toString('base64url');

export function decodeCursor(cursor: string, arg: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (
    !decoded.startsWith(CURSOR_PREFIX) ||
    encodeCursor(decoded.slice(CURSOR_PREFIX.length)) !== cursor
  ) {
    throw new InvalidInputError(`${arg} is not a cursor returned by this API`, arg);
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

/**
 * Validates first/after/last/before.
 * @throws InvalidInputError for negative or too large sizes, both first and last, or a bad cursor
 */
export function pageRequest(args: PageArgs, defaultSize = DEFAULT_PAGE_SIZE): PageRequest {
  const { first, last } = args;
  if (first != null && last != null) {
    throw new InvalidInputError('pass either first or last, not both', 'first');
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)) {
      throw new InvalidInputError(`${name} must be between 0 and ${MAX_PAGE_SIZE}`, name);
    }
  }
  const direction = last != null ? 'backward' : 'forward';
  return {
    size: (direction === 'forward' ? first : last) ?? defaultSize,
    direction,
    afterKey: args.after ? decodeCursor(args.after, 'after') : undefined,
    beforeKey: args.before ? decodeCursor(args.before, 'before') : undefined,
  };
}

/**
 * Builds a connection from up to `size + 1` items fetched in the requested direction (the extra
 * item only tells whether another page exists).
 */
export function toConnection<T>(
  fetched: readonly T[],
  request: PageRequest,
  keyOf: (item: T) => string,
  totalCount: () => Promise<number>,
): Connection<T> {
  const hasMore = fetched.length > request.size;
  const page = fetched.slice(0, request.size);
  if (request.direction === 'backward') page.reverse();
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.direction === 'forward' ? hasMore : request.beforeKey !== undefined,
      hasPreviousPage: request.direction === 'backward' ? hasMore : request.afterKey !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** Pages through a small list held in memory (reference vocabularies), ordered by `keyOf`. */
export function connectionFromList<T>(
  items: readonly T[],
  args: PageArgs,
  keyOf: (item: T) => string,
): Connection<T> {
  const request = pageRequest(args);
  const sorted = [...items].sort((a, b) =>
    keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0,
  );
  let window = sorted.filter(
    (item) =>
      (request.afterKey === undefined || keyOf(item) > request.afterKey) &&
      (request.beforeKey === undefined || keyOf(item) < request.beforeKey),
  );
  if (request.direction === 'backward') window = [...window].reverse();
  return toConnection(window.slice(0, request.size + 1), request, keyOf, () =>
    Promise.resolve(items.length),
  );
}
