// The GraphQL server's public entry points; kept here so callers need not know how it is split up.
export { createApolloServer, type ApolloServerOptions, type LedgerPlugin } from './apollo-server';
export { startServer, type RunningServer, type ServerOptions } from '../http/start-server';
