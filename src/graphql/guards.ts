// What each role may do, checked before a resolver reads or writes anything.
import { requireEditorOf, requireMunicipality, requireRole } from '../auth/authorization';
import { splitQualifiedId } from '../domain/ids';
import { qualifiedIdIn } from './request-scope';
import type { RequestContext } from './context';
import { notFound } from './errors';
import { NOW } from '../../projections/queries/as-of';

/** The log itself (audit trail, verification, live events): auditors and admins. */
export function requireAuditor(context: RequestContext, action: string): void {
  requireRole(context.principal, ['auditor', 'admin'], action);
}

/** Imports: admins, for a municipality their token acts for. */
export function requireImporter(context: RequestContext, named: string | null | undefined, action: string): void {
  requireRole(context.principal, ['admin'], action);
  const municipality = context.ledger.municipalityToActFor(named);
  requireMunicipality(context.principal, municipality, context.ledger.readModel.municipalities(), action);
}

/**
 * A direct edit (`action`: recordValue, or linkIndicator of the indicator linked to): an editor of the
 * department that owns the indicator, or an admin, of its municipality.
 */
export async function requireEditorOfIndicator(context: RequestContext, indicatorId: string, action = 'recordValue'): Promise<void> {
  requireRole(context.principal, ['editor', 'admin'], action);
  const view = context.view(NOW);
  const qualified = qualifiedIdIn(context, indicatorId, null);
  const indicator = qualified === null ? null : await view.indicator.load(qualified);
  if (!indicator) throw notFound(`no indicator with id ${JSON.stringify(indicatorId)}`);
  const { municipality } = splitQualifiedId(indicator.id);
  if (municipality !== null) requireMunicipality(context.principal, municipality, context.ledger.readModel.municipalities(), `${action} on ${indicatorId}`);
  const owner = indicator.ownerType === 'measure' ? await view.measure.load(indicator.ownerId) : await view.project.load(indicator.ownerId);
  requireEditorOf(context.principal, owner?.department ?? null, `${action} on ${indicatorId}`);
}
