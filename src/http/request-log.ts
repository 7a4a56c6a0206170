import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LedgerPlugin } from '../graphql/apollo-server';

/** Probes are polled every few seconds; logging each would drown the requests that matter. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (url: string | undefined): string => (url ?? '/').split('?')[0] ?? '/';

/** Where the GraphQL operation's name, once Apollo has resolved it, waits for the request's log line. */
const OPERATION_NAME = 'graphqlOperationName';

/** One structured line per request: method, path, status, time and the GraphQL operation it ran. */
export function requestLog(logger: Logger): RequestHandler {
  const log = pinoHttp<Request, Response>({
    logger,
    // No headers and no query string: the Authorization header carries a bearer token, and a GET
    // query string carries a whole GraphQL document.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (_req, res) => {
      const name: unknown = res.locals?.[OPERATION_NAME];
      return typeof name === 'string' ? { operationName: name } : {};
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req.url)) },
  });
  return (req, res, next) => log(req, res, next);
}

/**
 * Apollo knows the operation's name (also of an unnamed request whose document has one named
 * operation) but not the HTTP response it is answering; the request's async context links the two.
 * (Apollo copies the context object per operation, so it cannot serve as the link.)
 */
export class OperationNames {
  private readonly responses = new AsyncLocalStorage<Response>();

  /** Express middleware: the rest of the request runs knowing its response. */
  middleware(): RequestHandler {
    return (_req, res, next) => this.responses.run(res, next);
  }

  plugin(): LedgerPlugin {
    const responses = this.responses;
    return {
      async requestDidStart() {
        return {
          async didResolveOperation({ operationName }) {
            const res = responses.getStore();
            if (res && operationName) res.locals[OPERATION_NAME] = operationName;
          },
        };
      },
    };
  }
}
