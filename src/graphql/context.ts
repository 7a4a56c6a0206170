import type { ServerResponse } from 'node:http';
import type { Ledger } from '../application/ledger';
import { trustedCaller, type Principal } from '../auth/principal';
import { asOfKey, type AsOf } from '../../projections/queries/as-of';
import type { LedgerEventFeed } from './ledger-event-feed';
import { checkEdition } from './edition-range';
import { PointInTimeView } from './point-in-time-view';
import type { PointInTime } from './types/inputs';

export interface RequestContext {
  ledger: Ledger;
  /** Who asks: decides what they may do. */
  principal: Principal;
  /** The actor recorded on events this request appends: the token's `sub`, never the request body. */
  actor: string;
  /** The view at a point in time (one per distinct point per request). */
  view(asOf: AsOf): PointInTimeView;
  /**
   * Drops the views read so far: called after a write, so the fields that follow it in the same
   * request (mutations run one after another) do not answer from loaders filled before it.
   */
  forgetViews(): void;
  resolve(at: PointInTime | null | undefined): AsOf;
  /** The server's live feed of appended events; absent where no server runs one (scripts, benchmarks). */
  events: LedgerEventFeed | null;
  /** Where an HTTP request is answered: the request log names the operation there. */
  httpResponse: ServerResponse | null;
}

export interface RequestContextOptions {
  events?: LedgerEventFeed | null;
  httpResponse?: ServerResponse | null;
}

/** `who` is the authenticated principal, or the name of a trusted in-process caller. */
export function createRequestContext(ledger: Ledger, who: Principal | string, options: RequestContextOptions = {}): RequestContext {
  const principal = typeof who === 'string' ? trustedCaller(who) : who;
  const views = new Map<string, PointInTimeView>();
  return {
    ledger,
    principal,
    actor: principal.actor,
    view(asOf) {
      const key = asOfKey(asOf);
      let view = views.get(key);
      if (!view) {
        view = new PointInTimeView(ledger.readModel, asOf);
        views.set(key, view);
      }
      return view;
    },
    forgetViews: () => views.clear(),
    resolve(at) {
      if (at?.edition !== null && at?.edition !== undefined) checkEdition(ledger.readModel.editions(), at.edition, 'edition');
      return ledger.readModel.resolveAsOf(at);
    },
    events: options.events ?? null,
    httpResponse: options.httpResponse ?? null,
  };
}
