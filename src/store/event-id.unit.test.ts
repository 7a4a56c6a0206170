import { newEventId } from './event-id';

describe('newEventId', () => {
  it('makes UUIDs that sort in the order they were made', () => {
    const ids = Array.from({ length: 2_000 }, () => newEventId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
