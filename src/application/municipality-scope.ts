// Which municipality a write acts for: the one it names, or, when it names none, the only one the
// ledger holds. A ledger of several (or of none yet) cannot guess.
import { DomainError } from '../domain/domain-error';
import { resolveMunicipality } from '../domain/municipalities/municipality-table';

/** The code of the municipality named (a code or an unambiguous name), or of the only one held. */
export function municipalityToActFor(named: string | null | undefined, held: readonly string[], field = 'municipality'): string {
  if (named !== null && named !== undefined && named.trim() !== '') return resolveMunicipality(named, field).code;
  const [only] = held;
  if (held.length === 1 && only !== undefined) return only;
  const why = held.length === 0 ? 'the ledger holds no municipality yet' : `the ledger holds ${held.length} municipalities (${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''})`;
  throw new DomainError('BAD_USER_INPUT', `${why}: name the municipality, by its code or name (the bundled sample is 上山市, 062073)`, field);
}
