// Which municipality a field reads, and an id argument as the read model keys it (qualified). A ledger
// of exactly one municipality answers without being told; a ledger of several needs the `municipality`
// argument or a qualified id; an empty ledger has nothing to find.
import { qualifiedId, splitQualifiedId } from '../domain/ids';
import { resolveMunicipality } from '../domain/municipalities/municipality-table';
import type { RequestContext } from './context';
import { badInput } from './errors';

/** The code `named` names (a code or an unambiguous name); BAD_USER_INPUT naming `field` otherwise. */
export const codeOf = (named: string, field = 'municipality'): string => resolveMunicipality(named, field).code;

/** The municipality a root field reads: named, or the only one held; null while the ledger holds none. */
export function readScope(context: RequestContext, named: string | null | undefined): string | null {
  if (named !== null && named !== undefined) return codeOf(named);
  const held = context.ledger.readModel.municipalities();
  const [only] = held;
  if (held.length <= 1) return only ?? null;
  throw badInput(`this ledger holds ${held.length} municipalities: name one with the municipality argument (a code such as 062073 or a name such as 上山市), or use a qualified id`, 'municipality');
}

/**
 * An id argument as the read model keys it: a qualified id (062073:5-1-1) as it is, an unqualified one
 * in the municipality `named` or the only one held; null while the ledger holds none.
 */
export function qualifiedIdIn(context: RequestContext, id: string, named: string | null | undefined): string | null {
  const { municipality, localId } = splitQualifiedId(id);
  if (municipality !== null) return qualifiedId(municipality, localId);
  const scope = readScope(context, named);
  return scope === null ? null : qualifiedId(scope, localId);
}
