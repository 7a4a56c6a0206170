import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { NOW, isNow, type AsOf } from '../../../projections/queries/as-of';
import { splitQualifiedId } from '../../domain/ids';
import { qualifiedIdIn } from '../request-scope';
import type { RequestContext } from '../context';
import { checkEdition } from '../edition-range';
import { badInput } from '../errors';
import { splitId } from '../point-ids';
import type { PointInTime } from '../types/inputs';
import { Edition } from '../types/ledger-types';
import { Node } from '../types/node-types';

const MEASURE_CODE = /^\d+-\d+-\d+$/;
const EDITION_ID = /^edition-(\d{4})$/;

/**
 * The point an id argument reads at: the one its id carries (an id read in a past view), else `at`.
 * Both at once must agree, or the caller asked for two different things.
 */
export function pointOf(context: RequestContext, id: string, at: PointInTime | null | undefined): { stableId: string; asOf: AsOf } {
  const { stableId, asOf } = splitId(id);
  if (!asOf) return { stableId, asOf: context.resolve(at) };
  if (asOf.edition !== null) checkEdition(context.view(NOW).importedEditions(), asOf.edition, 'id');
  if (at) {
    const wanted = context.resolve(at);
    if (wanted.position !== asOf.position || wanted.edition !== asOf.edition) {
      throw badInput(`id ${id} names another point in time than at: leave at out, or use the id's stableId`, 'id');
    }
  }
  return { stableId, asOf };
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by the id it was read with (Relay): a past view\'s id reads that past view again' })
  async node(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Node | null> {
    const { stableId, asOf } = pointOf(context, id, null);
    const view = context.view(asOf);
    const qualified = qualifiedIdIn(context, stableId, null);
    if (qualified === null) return null;
    const { municipality, localId } = splitQualifiedId(qualified);
    const edition = EDITION_ID.exec(localId);
    if (edition) {
      const row = view.importedEditions().find((e) => e.municipality === municipality && e.fiscalYear === Number(edition[1]));
      return row && isNow(asOf) ? Object.assign(new Edition(), { ...row, importedAt: new Date(row.importedAt) }) : null;
    }
    // Measure ids are codes and indicator ids are `<owner>/<name>`; anything else is a project's name.
    if (MEASURE_CODE.test(localId)) {
      const measure = await view.measure.load(qualified);
      if (measure) return measure;
    }
    if (localId.includes('/')) {
      const indicator = await view.indicator.load(qualified);
      if (indicator) return indicator;
    }
    return view.project.load(qualified);
  }
}
