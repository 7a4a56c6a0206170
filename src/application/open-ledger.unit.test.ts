import { ledgerConfigFromEnv, ledgerOptions } from './open-ledger';

describe('PLAN_LEDGER_PRESENT_CACHE_MB', () => {
  const options = (value: string | undefined) => ledgerOptions(ledgerConfigFromEnv({ PLAN_LEDGER_PRESENT_CACHE_MB: value }));

  it('leaves the default when unset or blank, and takes MiB otherwise (0 switches it off)', () => {
    expect(options(undefined)).toEqual({});
    expect(options(' ')).toEqual({});
    expect(options('0')).toEqual({ presentCacheBytes: 0 });
    expect(options('64')).toEqual({ presentCacheBytes: 64 * 1024 * 1024 });
  });

  it('refuses anything but a whole number, naming the variable', () => {
    for (const bad of ['lots', '-1', '1.5', '64MB']) expect(() => options(bad)).toThrow(/^PLAN_LEDGER_PRESENT_CACHE_MB must be a whole number of MiB/);
  });
});
