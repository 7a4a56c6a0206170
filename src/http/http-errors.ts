// Express's own error page is HTML and, unless NODE_ENV=production, shows the stack trace. Every
// failure outside a GraphQL execution (bad JSON, too large a body, an unknown path) is answered here
// instead, in the GraphQL error shape, so a client parses one format whatever went wrong.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

interface HttpishError {
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

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: HttpishError, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = clientStatus(error);
    if (status !== null) {
      // body-parser marks the messages meant for clients (e.g. "Unexpected token } in JSON") as exposable.
      const message = error.expose === true && typeof error.message === 'string' ? error.message : 'the request could not be read';
      res.status(status).json(body(message, 'BAD_REQUEST'));
      return;
    }
    logger.error({ err: error }, 'unexpected error in an HTTP request');
    res.status(500).json(body('Internal server error', 'INTERNAL_SERVER_ERROR'));
  };
}
