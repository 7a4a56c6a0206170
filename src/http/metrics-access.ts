// /metrics is an operator's: an admin token, unless PLAN_LEDGER_METRICS_PUBLIC opens it.
import { Kind, parse } from 'graphql';
import { AuthenticationError, type Authenticator } from '../auth/authenticator';
import { ForbiddenError, UnauthenticatedError, requireRole } from '../auth/authorization';
import type { MetricsConfig } from '../config/metrics-config';
import { exampleTabs } from './explorer/example-operations';

export interface MetricsRefusal {
  status: 401 | 403;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
}

export type MetricsAccess = (authorization: string | undefined) => Promise<MetricsRefusal | null>;

export function metricsAccess(config: MetricsConfig, authenticator: Authenticator): MetricsAccess {
  return async (authorization) => {
    if (config.public) return null;
    try {
      requireRole(await authenticator.authenticate(authorization), ['admin'], 'reading /metrics');
      return null;
    } catch (error) {
      if (error instanceof AuthenticationError || error instanceof UnauthenticatedError) return { status: 401, code: 'UNAUTHENTICATED', message: error.message };
      if (error instanceof ForbiddenError) return { status: 403, code: 'FORBIDDEN', message: error.message };
      throw error;
    }
  };
}

/** The operation names /metrics labels: the explorer's examples and the operator's list. */
export function knownOperationNames(config: MetricsConfig): string[] {
  const examples = exampleTabs().flatMap((tab) =>
    parse(tab.query).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [])),
  );
  return [...new Set([...examples, ...config.operations])];
}
