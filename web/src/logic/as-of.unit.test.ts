import { pointInTime, readAsOf, writeAsOf } from './as-of';

describe('the as-of selector in the URL', () => {
  it('reads an edition and a Japan wall-clock minute', () => {
    expect(readAsOf(new URLSearchParams('edition=2021&at=2026-12-02T16:05'))).toEqual({ edition: 2021, at: '2026-12-02T16:05' });
  });

  it('ignores what names no edition or minute', () => {
    expect(readAsOf(new URLSearchParams('edition=abc&at=yesterday'))).toEqual({ edition: null, at: null });
    expect(readAsOf(new URLSearchParams('edition=21'))).toEqual({ edition: null, at: null });
  });

  it('asks the server for the end of that minute in Japan, as an instant', () => {
    expect(pointInTime({ edition: null, at: '2026-12-02T16:05' })).toEqual({ recordedAt: '2026-12-02T07:05:59.999Z' });
    expect(pointInTime({ edition: 2021, at: null })).toEqual({ edition: 2021 });
    expect(pointInTime({ edition: null, at: null })).toBeNull();
  });

  it('writes the choice back, keeping other parameters', () => {
    const next = writeAsOf(new URLSearchParams('q=NPO&at=2026-01-01T00:00'), { edition: 2022, at: null });
    expect(next.toString()).toBe('q=NPO&edition=2022');
  });
});
