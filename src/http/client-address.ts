// The address limits count against: the socket's peer, or behind trusted reverse proxies the client
// they forwarded for (X-Forwarded-For). Believing that header from anyone would let every request
// name a fresh address and escape every limit.
import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type ClientAddressOf = (req: IncomingMessage) => string;

export function clientAddressOf(trustProxy: readonly string[]): ClientAddressOf {
  if (trustProxy.length === 0) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trust = proxyaddr.compile([...trustProxy]);
  return (req) => proxyaddr(req, trust);
}
