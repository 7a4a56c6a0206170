// The events a write appended, as auditTrail shows them: read from the audit log once the ledger has
// applied the write (the use cases wait for that), between the positions the append reported.
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { NOW } from '../../../projections/queries/as-of';
import { toAuditEvent } from '../audit-events';
import type { RequestContext } from '../context';
import { checkFirst, decodeCursor } from '../pagination';
import { AuditEvent, AuditEventConnection } from '../types/ledger-types';
import { ImportEvaluationReportPayload } from '../types/mutation-payloads';

interface EventsPage {
  events: AuditEvent[];
  hasNextPage: boolean;
}

/** At most `first` events of (afterPosition, lastPosition], oldest first. */
function eventsBetween(context: RequestContext, afterPosition: number, lastPosition: number, first: number): EventsPage {
  const wanted = Math.max(0, Math.min(first, lastPosition - afterPosition));
  if (wanted === 0) return { events: [], hasNextPage: afterPosition < lastPosition };
  const page = context.view(NOW).auditPage({}, { afterPosition, beforePosition: lastPosition + 1, first: wanted, last: null });
  const events = page.rows.map(toAuditEvent);
  const last = events.at(-1);
  return { events, hasNextPage: last !== undefined && Number(last.position) < lastPosition };
}

/** Every event of (afterPosition, lastPosition]: a single edit's one event, say. */
export function eventsAt(context: RequestContext, afterPosition: number, lastPosition: number): AuditEvent[] {
  return eventsBetween(context, afterPosition, lastPosition, lastPosition - afterPosition).events;
}

@Resolver(() => ImportEvaluationReportPayload)
export class ImportEvaluationReportPayloadResolver {
  @FieldResolver(() => AuditEventConnection, { description: 'The events the import appended, oldest first (an import appends thousands: page with first/after)' })
  events(
    @Root() payload: ImportEvaluationReportPayload,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
  ): AuditEventConnection {
    const from = Math.max(payload.afterPosition, decodeCursor(after));
    const page = eventsBetween(context, from, payload.lastPosition, checkFirst(first ?? 50));
    const edges = page.events.map((node) => ({ cursor: node.cursor, node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: from > payload.afterPosition,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: payload.lastPosition - payload.afterPosition,
    };
  }
}

