import { auditLogProjection } from './audit-log';
import { editionsProjection } from './editions';
import { eventPayloadsCopied, eventPayloadsInLog } from './event-payloads';
import { planEntitiesProjection } from './plan-entities';
import type { Projection } from './projection';
import { valueHistoryProjection } from './value-history';

/** Where the log is: in the read model's own database (the embedded store), or elsewhere (a server store). */
export type LogPlacement = 'same-database' | 'elsewhere';

export function readModelProjections(log: LogPlacement): readonly Projection[] {
  return [
    planEntitiesProjection,
    valueHistoryProjection,
    auditLogProjection,
    log === 'same-database' ? eventPayloadsInLog : eventPayloadsCopied,
    editionsProjection,
  ];
}
