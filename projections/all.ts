import { auditLogProjection } from './audit-log';
import { editionsProjection } from './editions';
import { planEntitiesProjection } from './plan-entities';
import type { Projection } from './projection';
import { valueHistoryProjection } from './value-history';

export const allProjections: readonly Projection[] = [
  planEntitiesProjection,
  valueHistoryProjection,
  auditLogProjection,
  editionsProjection,
];
