// Bounds on what WebSocket clients may hold open: every socket and every live subscription costs the
// server memory until it ends, and neither passes through the HTTP request limits.
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';

/** Close codes graphql-ws clients know: 4400 a bad message, 4403 forbidden. */
export const CLOSE_BAD_REQUEST = 4400;
export const CLOSE_FORBIDDEN = 4403;

/** Operation ids are echoed in every answer: a client picks them, so their length is bounded. */
export const MAX_OPERATION_ID_LENGTH = 128;

/** setTimeout fires at once for delays past 2^31 − 1 ms (about 24.8 days): longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const addressOf = (request: IncomingMessage): string => request.socket.remoteAddress ?? 'unknown';

/** Open sockets per client address, refusing the upgrade past `max` (HTTP 429, before any WebSocket exists). */
export class SocketsPerClient {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** For WebSocketServer's verifyClient. */
  admits(request: IncomingMessage): boolean {
    return (this.open.get(addressOf(request)) ?? 0) < this.max;
  }

  /** Counts a socket from its connection until it closes. */
  track(socket: WebSocket, request: IncomingMessage): void {
    const address = addressOf(request);
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
  }
}

/** Closes the socket with 4403 when the token that opened it expires (`expiresAt` in epoch seconds). */
export function closeAtExpiry(socket: WebSocket, expiresAt: number): void {
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    const wait = expiresAt * 1000 - Date.now();
    if (wait <= 0) {
      socket.close(CLOSE_FORBIDDEN, 'Forbidden: the token expired');
      return;
    }
    timer = setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  socket.once('close', () => {
    if (timer) clearTimeout(timer);
  });
}
