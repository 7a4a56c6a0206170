// What of the log an auditor's token may read: the events of the municipalities it acts for. A filter
// naming another municipality is refused; without one, the trail is filtered to them, not refused.
import type { AuditFilter as LogFilter } from '../../../projections/queries/audit-queries';
import { ForbiddenError, readableMunicipalities } from '../../auth/authorization';
import type { RequestContext } from '../context';
import { requireAuditor } from '../guards';
import { codeOf } from '../request-scope';
import type { AuditFilter } from '../types/inputs';

export function auditScope(context: RequestContext, filter: AuditFilter, action: string): LogFilter {
  requireAuditor(context, action);
  const readable = readableMunicipalities(context.principal, context.ledger.readModel.municipalities());
  const named = filter.municipality ? codeOf(filter.municipality) : null;
  const { principal } = context;
  if (readable !== '*' && readable.length === 0) {
    throw new ForbiddenError(`${action}: the token of ${principal.actor} has no municipalities claim, and this ledger holds several municipalities`);
  }
  if (named !== null && readable !== '*' && !readable.includes(named)) {
    throw new ForbiddenError(`${action}: the token of ${principal.actor} acts for ${readable.join(', ')}, not ${named}`);
  }
  const { streamId, actor, eventType, edition, from, to } = filter;
  return { streamId, actor, eventType, edition, from, to, municipalities: named !== null ? [named] : readable === '*' ? null : readable };
}
