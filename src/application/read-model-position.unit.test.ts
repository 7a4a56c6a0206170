import { ReadModelPosition } from './read-model-position';

describe('ReadModelPosition', () => {
  let stored: number;
  let reads: number;
  let clock: number;
  let position: ReadModelPosition;

  beforeEach(() => {
    stored = 10;
    reads = 0;
    clock = 0;
    position = new ReadModelPosition(
      () => {
        reads += 1;
        return stored;
      },
      25,
      () => clock,
    );
  });

  it('reads the position once, and again only when it is maxAgeMs old', () => {
    expect(position.current()).toBe(10);
    stored = 11;
    clock = 24;
    expect(position.current()).toBe(10);
    expect(reads).toBe(1);
    clock = 25;
    expect(position.current()).toBe(11);
    expect(reads).toBe(2);
  });

  it('reads again at once after this process changed the read model', () => {
    expect(position.current()).toBe(10);
    stored = 12;
    position.changed();
    expect(position.current()).toBe(12);
    expect(reads).toBe(2);
  });
});
