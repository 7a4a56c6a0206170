import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LedgerPlugin } from '../graphql/apollo-server';

/** Probes are polled every few seconds; logging each would drown the requests that matter. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (url: string | undefined): string => (url ?? '/').split('?')[0] ?? '/';

/**
 * One structured line per request: method, path, status, time and the GraphQL operation it ran. Called
 * first for every request, before it is routed to the GraphQL POST path or to the Express app.
 */
export function requestLog(logger: Logger, operationNames: OperationNames): (req: IncomingMessage, res: ServerResponse) => void {
  // pino-http makes a child logger per request even when nothing would be written.
  if (!logger.isLevelEnabled('error')) return () => undefined;
  const log = pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    // No headers and no query string: the Authorization header carries a bearer token, and a GET
    // query string carries a whole GraphQL document.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (_req, res) => {
      const name = operationNames.of(res);
      return name !== undefined ? { operationName: name } : {};
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req.url)) },
  });
  return (req, res) => log(req, res);
}

/**
 * Apollo knows the operation's name (also of an unnamed request whose document has one named
 * operation) but not the HTTP response it is answering; the request's context carries the response
 * (`httpResponse`) from the one to the other.
 */
export class OperationNames {
  private readonly names = new WeakMap<ServerResponse, string>();

  of(res: ServerResponse): string | undefined {
    return this.names.get(res);
  }

  /** For answers given without Apollo (the response cache's), whose operation the request named. */
  set(res: ServerResponse, operationName: string): void {
    this.names.set(res, operationName);
  }

  plugin(): LedgerPlugin {
    const { names } = this;
    return {
      async requestDidStart() {
        return {
          async didResolveOperation({ operationName, contextValue }) {
            if (contextValue.httpResponse && operationName) names.set(contextValue.httpResponse, operationName);
          },
        };
      },
    };
  }
}
