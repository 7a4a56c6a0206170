import type { IncomingMessage } from 'node:http';
import { clientAddressOf } from './client-address';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as IncomingMessage;

describe('the client address limits count against', () => {
  it('is the socket peer, whatever X-Forwarded-For says, unless a proxy is trusted', () => {
    expect(clientAddressOf([])(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });

  it('is the forwarded client behind a trusted proxy, and the peer for an untrusted one', () => {
    const addressOf = clientAddressOf(['loopback']);
    expect(addressOf(request('127.0.0.1', '198.51.100.1'))).toBe('198.51.100.1');
    expect(addressOf(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });
});
