// The four servers a query is measured on, all in this process: the ledger as served (startServer),
// the ledger with the response cache, a bare Apollo Server answering the same JSON from memory (the
// ceiling for any GraphQL server on this stack), and node:http sending the same bytes (the ceiling).
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSchema, printSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ledger } from '../src/application/ledger';
import { ledgerSchema } from '../src/graphql/schema';
import { startServer } from '../src/http/start-server';
import { DEFAULT_CLIENT_LIMITS } from '../src/config/client-limits';
import { ResponseCache } from '../src/graphql/plugins/response-cache';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** The ledger as it is served (startServer: its HTTP stack, plugins and context), optionally with the response cache. */
export async function ledgerServer(ledger: Ledger, options: { cached?: boolean } = {}): Promise<RunningServer> {
  const responseCache = options.cached ? new ResponseCache({ headPosition: () => ledger.readModel.position.current() }) : undefined;
  // The per-client limits run (their cost is part of every answer) but never refuse: autocannon is one client.
  const clientLimits = { ...DEFAULT_CLIENT_LIMITS, requestsPerSecond: 1_000_000_000, maxExpensivePerClient: 100_000 };
  const server = await startServer({ ledger, port: 0, host: '127.0.0.1', clientLimits, ...(responseCache ? { responseCache } : {}) });
  return { url: server.url, stop: () => server.stop() };
}

/**
 * The same schema (printed and rebuilt, so no type-graphql and no resolvers) answering from a data
 * object held in memory: graphql-js's default resolvers read it field by field.
 */
export async function bareApolloServer(rootValue: Record<string, unknown>): Promise<RunningServer> {
  const schema = buildSchema(printSchema(await ledgerSchema()));
  const server = new ApolloServer({ schema, rootValue });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** Reads the request body, then writes the same bytes every time. */
export async function rawHttpServer(body: Buffer): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    request.on('data', () => undefined);
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** POSTs an operation and returns the raw body, for checking that every server sends the same answer. */
export async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: await response.text(), headers: response.headers };
}
