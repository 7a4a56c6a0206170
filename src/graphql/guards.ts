// What each role may do, checked before a resolver reads or writes anything.
import { requireEditorOf, requireRole } from '../auth/authorization';
import type { RequestContext } from './context';
import { notFound } from './errors';
import { NOW } from '../../projections/queries/as-of';

/** The log itself (audit trail, verification, live events): auditors and admins. */
export function requireAuditor(context: RequestContext, action: string): void {
  requireRole(context.principal, ['auditor', 'admin'], action);
}

/** Imports: admins. */
export function requireAdmin(context: RequestContext, action: string): void {
  requireRole(context.principal, ['admin'], action);
}

/** A direct edit: an editor of the department that owns the indicator, or an admin. */
export async function requireEditorOfIndicator(context: RequestContext, indicatorId: string): Promise<void> {
  requireRole(context.principal, ['editor', 'admin'], 'recordValue');
  const view = context.view(NOW);
  const indicator = await view.indicator.load(indicatorId);
  if (!indicator) throw notFound(`no indicator with id ${JSON.stringify(indicatorId)}`);
  const owner = indicator.ownerType === 'measure' ? await view.measure.load(indicator.ownerId) : await view.project.load(indicator.ownerId);
  requireEditorOf(context.principal, owner?.department ?? null, `recordValue on ${indicatorId}`);
}
