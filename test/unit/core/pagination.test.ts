import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import {
  connectionFromList,
  decodeCursor,
  encodeCursor,
  pageRequest,
} from '../../../src/core/pagination.ts';

const letters = 'abcdefghij'.split('');
const page = (args: Parameters<typeof connectionFromList>[1]) =>
  connectionFromList(letters, args, (x) => x);

describe('keyset pagination', () => {
  it('pages forward and backward with cursors and page info', async () => {
    const first = page({ first: 3 });
    expect(first.edges.map((e) => e.node)).toEqual(['a', 'b', 'c']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = page({ first: 3, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node)).toEqual(['d', 'e', 'f']);
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    const last = page({ last: 2 });
    expect(last.edges.map((e) => e.node)).toEqual(['i', 'j']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = page({ last: 2, before: last.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node)).toEqual(['g', 'h']);
    expect(await first.totalCount()).toBe(10);
  });

  it('round-trips cursors and rejects strings that are not one', () => {
    expect(decodeCursor(encodeCursor('A/HRC/28/15#115.1'), 'after')).toBe('A/HRC/28/15#115.1');
    expect(() => decodeCursor('not-a-cursor', 'after')).toThrow(InvalidInputError);
    expect(() => decodeCursor('', 'after')).toThrow(InvalidInputError);
  });

  it('validates sizes', () => {
    expect(pageRequest({}).size).toBe(20);
    expect(() => pageRequest({ first: 101 })).toThrow(/between 0 and 100/);
    expect(() => pageRequest({ first: -1 })).toThrow(InvalidInputError);
    expect(() => pageRequest({ first: 1, last: 1 })).toThrow(/either first or last/);
  });
});
