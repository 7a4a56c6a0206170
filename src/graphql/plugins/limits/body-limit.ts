// The JSON body parser for /graphql with the configured size limit. A body over it is answered here:
// 413 in the GraphQL error shape, naming the limit. When Content-Length already says so the answer goes
// out at once and the connection is closed (body-parser alone would first read, and discard, every
// byte the client declared, so a client announcing 600 MB and trickling them would hold a connection
// until Node's request timeout). Every other parse failure goes on to the app's error handler.
import express, { type RequestHandler, type Response } from 'express';
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

function refuse(res: Response, maxBodyBytes: number, declared: number | null, received: number | null): void {
  const size = declared !== null ? `${declared} bytes` : `more than ${maxBodyBytes} bytes`;
  res.set('connection', 'close');
  res.status(413).json({
    errors: [
      {
        message: `the request body is ${size}; at most ${maxBodyBytes} are accepted`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', ...limitExtensions('maxBodyBytes', maxBodyBytes, declared ?? received ?? maxBodyBytes + 1) },
      },
    ],
  });
}

export function limitedJsonBody(limits: Pick<Limits, 'maxBodyBytes'>): RequestHandler {
  const parse = express.json({ limit: limits.maxBodyBytes });
  return (req, res, next) => {
    const header = req.headers['content-length'];
    const declared = header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
    if (declared !== null && declared > limits.maxBodyBytes) {
      refuse(res, limits.maxBodyBytes, declared, null);
      return;
    }
    parse(req, res, (error?: unknown) => {
      // A chunked body that grew past the limit while it was read.
      if (isTooLarge(error)) refuse(res, limits.maxBodyBytes, number(error.length), number(error.received));
      else next(error);
    });
  };
}
