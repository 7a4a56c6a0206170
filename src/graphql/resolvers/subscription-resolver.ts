import { GraphQLError } from 'graphql';
import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../context';
import { requireAuditor } from '../guards';
import { auditScope } from './audit-scope';
import { whileAuthorized } from '../while-authorized';
import { AuditEvent } from '../types/ledger-types';

interface LedgerEventsArgs {
  streamPrefix?: string | null;
  municipality?: string | null;
}

@Resolver()
export class SubscriptionResolver {
  // The events come from the server's own feed (in the context), not from a PubSub given to
  // buildSchema: the schema is built once per process, but each server follows its own ledger.
  @Subscription(() => AuditEvent, {
    description: 'Every event appended from now on, optionally only streams whose id starts with the prefix',
    subscribe: async ({ args, context }: { args: LedgerEventsArgs; context: RequestContext }) => {
      const scope = auditScope(context, { municipality: args.municipality ?? null }, 'ledgerEvents');
      if (!context.events) throw new GraphQLError('this server does not serve subscriptions', { extensions: { code: 'BAD_REQUEST' } });
      const events = await context.events.events(args.streamPrefix ?? null, scope.municipalities ?? '*');
      return whileAuthorized(events[Symbol.asyncIterator](), () => requireAuditor(context, 'ledgerEvents'));
    },
  })
  ledgerEvents(
    @Root() event: AuditEvent,
    // Declared for the schema; the subscribe function above reads it.
    @Arg('streamPrefix', () => String, { nullable: true }) _streamPrefix: string | null,
    @Arg('municipality', () => ID, { nullable: true, description: 'Code or unambiguous name: only the events of that municipality' }) _municipality: string | null,
  ): AuditEvent {
    return event;
  }
}
