import { PresentCache } from './present-cache';

describe('PresentCache', () => {
  let position: number;
  const cache = (budget = 1024 * 1024) => new PresentCache(() => position, budget);
  beforeEach(() => {
    position = 10;
  });

  it('drops exactly the ids a commit that follows what it saw names', () => {
    const present = cache();
    present.keep('a', 'editions', [2021]);
    present.keep('b', 'editions', [2022]);
    present.changed({ from: 10, to: 11, touched: new Set(['a']) });
    position = 11;
    expect(present.get('a').editions).toBeUndefined();
    expect(present.get('b').editions).toEqual([2022]);
  });

  it('drops everything after a commit it did not see the start of, or a rebuild', () => {
    const present = cache();
    present.keep('a', 'editions', [2021]);
    present.changed({ from: 12, to: 13, touched: new Set() });
    position = 13;
    expect(present.get('a').editions).toBeUndefined();
    present.keep('a', 'editions', [2021]);
    present.changed({ from: 0, to: 13, touched: 'everything' });
    expect(present.get('a').editions).toBeUndefined();
  });

  it('drops everything when the read model moved without telling it (another process wrote)', () => {
    const present = cache();
    present.keep('a', 'editions', [2021]);
    expect(present.get('a').editions).toEqual([2021]);
    position = 11;
    expect(present.get('a').editions).toBeUndefined();
  });

  it('keeps the parts of one id together and stays within its budget, least recently used first', () => {
    const present = cache(2_000);
    present.keep('a', 'editions', [2021]);
    present.keep('a', 'indicators', ['a/x']);
    expect(present.get('a')).toEqual({ editions: [2021], indicators: ['a/x'] });
    for (let i = 0; i < 50; i++) present.keep(`filler-${i}`, 'indicators', [`indicator number ${i}`]);
    expect(present.size().bytes).toBeLessThanOrEqual(2_000);
    expect(present.get('a')).toEqual({});
    expect(present.get('filler-49').indicators).toEqual(['indicator number 49']);
  });
});
