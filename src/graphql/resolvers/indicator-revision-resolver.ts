import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { indicatorStreamId } from '../../domain/ids';
import type { RequestContext } from '../context';
import { notFound } from '../errors';

@Resolver()
export class IndicatorRevisionResolver {
  /**
   * Read from the event store, not the read model: this is the number recordValue's expectedRevision
   * is checked against, and a read model fed by a subscription may not have caught up with it yet.
   */
  @Query(() => Int, { description: "Revision of an indicator's stream, for optimistic concurrency in recordValue" })
  async indicatorRevision(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<number> {
    const revision = await context.ledger.log.streamRevision(indicatorStreamId(id));
    if (revision < 0) throw notFound(`no indicator with id ${JSON.stringify(id)}`);
    return revision;
  }
}
