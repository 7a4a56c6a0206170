// The JSON body parser for /graphql with the configured size limit. A body over it is answered here,
// 413 in the GraphQL error shape naming the limit, and the connection is closed so the rest of an
// oversize upload is not read; every other parse failure goes on to the app's error handler as before.
import express, { type RequestHandler } from 'express';
import type { Limits } from '../../../config/limits';
import { limitExtensions } from './limit-error';

interface BodyParserError {
  type?: unknown;
  length?: unknown;
  received?: unknown;
}

const isTooLarge = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && (error as BodyParserError).type === 'entity.too.large';

const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function limitedJsonBody(limits: Pick<Limits, 'maxBodyBytes'>): RequestHandler {
  const parse = express.json({ limit: limits.maxBodyBytes });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (!isTooLarge(error)) {
        next(error);
        return;
      }
      // Content-Length said so up front, or the body grew past the limit while it was read.
      const declared = number(error.length);
      const measured = declared ?? number(error.received) ?? limits.maxBodyBytes + 1;
      const size = declared !== null ? `${declared} bytes` : `more than ${limits.maxBodyBytes} bytes`;
      res.set('connection', 'close');
      res.status(413).json({
        errors: [
          {
            message: `the request body is ${size}; at most ${limits.maxBodyBytes} are accepted`,
            extensions: { code: 'PAYLOAD_TOO_LARGE', ...limitExtensions('maxBodyBytes', limits.maxBodyBytes, measured) },
          },
        ],
      });
    });
  };
}
