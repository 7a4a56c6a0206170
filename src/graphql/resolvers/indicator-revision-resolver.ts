import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { indicatorStreamId, splitQualifiedId } from '../../domain/ids';
import { qualifiedIdIn } from '../request-scope';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { Indicator } from '../types/indicator-types';

/** The store's name of a (qualified) indicator's stream. */
function indicatorStreamOf(context: RequestContext, qualified: string): string {
  const { municipality, localId } = splitQualifiedId(qualified);
  return context.ledger.streamIdOf(municipality ?? '', indicatorStreamId(localId));
}

@Resolver()
export class IndicatorRevisionResolver {
  /**
   * Read from the event store, not the read model: this is the number recordValue's expectedRevision
   * is checked against, and a read model fed by a subscription may not have caught up with it yet.
   */
  @Query(() => Int, { nullable: true, description: "Revision of an indicator's stream, for optimistic concurrency in recordValue (null, with NOT_FOUND, for an unknown id)" })
  async indicatorRevision(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<number> {
    const qualified = qualifiedIdIn(context, id, null);
    const revision = qualified === null ? -1 : await context.ledger.log.streamRevision(indicatorStreamOf(context, qualified));
    if (revision < 0) throw notFound(`no indicator with id ${JSON.stringify(id)}`);
    return revision;
  }
}

/** The same number beside the values, so a normalized client cache holds the revision an edit must send. */
@Resolver(() => Indicator)
export class IndicatorStreamRevisionResolver {
  @FieldResolver(() => Int, {
    description:
      "The indicator stream's revision (as indicatorRevision answers it): now from the log itself; in a view at a past recordedAt, as the log stood then (editions do not cut it)",
  })
  async revision(@Root() indicator: Indicator, @Ctx() context: RequestContext): Promise<number> {
    const streamId = indicatorStreamOf(context, indicator.id);
    return context.view(indicator.asOf).streamRevision(streamId) ?? (await context.ledger.log.streamRevision(streamId));
  }
}
