import { sortRows } from './sort';

describe('sorting a table', () => {
  const rows = [{ v: 3 }, { v: null }, { v: 10 }, { v: 1 }];

  it('orders numbers by value and leaves nothing stated last, both ways', () => {
    expect(sortRows(rows, (r) => r.v, 'ascending').map((r) => r.v)).toEqual([1, 3, 10, null]);
    expect(sortRows(rows, (r) => r.v, 'descending').map((r) => r.v)).toEqual([10, 3, 1, null]);
  });

  it('orders codes numerically and names in Japanese collation', () => {
    const codes = [{ v: '5-10-1' }, { v: '5-2-1' }];
    expect(sortRows(codes, (r) => r.v, 'ascending').map((r) => r.v)).toEqual(['5-2-1', '5-10-1']);
  });
});
