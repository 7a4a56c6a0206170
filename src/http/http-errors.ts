// Express's own error page is HTML and, unless NODE_ENV=production, shows the stack trace. Every
// failure outside a GraphQL execution (bad JSON, too large a body, an unknown path) is answered here
// instead, in the GraphQL error shape, so a client parses one format whatever went wrong.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
}

function clientStatus(error: HttpishError): number | null {
  const status = typeof error.status === 'number' ? error.status : typeof error.statusCode === 'number' ? error.statusCode : null;
  return status !== null && status >= 400 && status < 500 ? status : null;
}

const body = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json(body(`nothing is served at ${req.method} ${req.path}; GraphQL is at /graphql`, 'NOT_FOUND'));
};

/** The answer to a failure outside GraphQL: a client's mistake (4xx) says what it was; anything else is logged and masked. */
export function errorResponse(error: HttpishError, logger: Logger): { status: number; body: ReturnType<typeof body> } {
  const status = clientStatus(error);
  if (status !== null) {
    // body-parser and raw-body mark the messages meant for clients (e.g. "Unexpected token } in JSON") as exposable.
    const message = error.expose === true && typeof error.message === 'string' ? error.message : 'the request could not be read';
    return { status, body: body(message, 'BAD_REQUEST') };
  }
  logger.error({ err: error }, 'unexpected error in an HTTP request');
  return { status: 500, body: body('Internal server error', 'INTERNAL_SERVER_ERROR') };
}

/** The same answer on a bare node:http response (the GraphQL POST path has no Express around it). */
export function sendErrorResponse(res: ServerResponse, error: HttpishError, logger: Logger): void {
  const { status, body: payload } = errorResponse(error, logger);
  const text = JSON.stringify(payload);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: HttpishError, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, body: payload } = errorResponse(error, logger);
    res.status(status).json(payload);
  };
}
