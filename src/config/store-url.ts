// PLAN_LEDGER_STORE names the event store: sqlite:PATH (the embedded default), postgres://..., or
// kurrentdb://... / esdb://...
import { ConfigurationError } from '../shared/configuration-error';
export type StoreLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'kurrentdb'; url: string };

export const DEFAULT_STORE = 'sqlite:data/ledger.db';

export function parseStoreLocation(value: string | undefined): StoreLocation {
  const text = (value ?? '').trim() || DEFAULT_STORE;
  if (text.startsWith('sqlite:')) {
    const path = text.slice('sqlite:'.length);
    if (!path) throw new ConfigurationError('PLAN_LEDGER_STORE=sqlite: needs a path, e.g. sqlite:data/ledger.db');
    return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(text)) return { kind: 'postgres', url: text };
  if (/^(kurrentdb|kurrent|esdb|esdb\+discover|kurrentdb\+discover):\/\//.test(text)) return { kind: 'kurrentdb', url: text };
  throw new ConfigurationError(`PLAN_LEDGER_STORE must be sqlite:PATH, postgres://... or kurrentdb://..., got ${JSON.stringify(text)}`);
}
