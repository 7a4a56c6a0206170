// Live audit events over graphql-ws, on the same path as GraphQL; the token travels in connectionParams
// as the Authorization header would. Loaded only by the audit view.
import { createClient } from 'graphql-ws';
import type { LiveAuditEventsSubscription } from '../gql/graphql';
import { LiveEventsDocument, liveEventsVariables } from './operations';
import { graphqlEndpoint } from './request';

export type LiveEvent = LiveAuditEventsSubscription['ledgerEvents'];

export interface LiveHandlers {
  onEvent: (event: LiveEvent) => void;
  onState: (state: 'connecting' | 'open' | 'closed', detail?: string) => void;
}

/** Subscribes to the events of municipality `code`; the function it answers unsubscribes and closes the socket. */
export function subscribeToLedger(token: string, code: string, handlers: LiveHandlers): () => void {
  const url = new URL(graphqlEndpoint(), location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const client = createClient({
    url: url.href,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 5,
    on: { connecting: () => handlers.onState('connecting'), connected: () => handlers.onState('open') },
  });
  const stop = client.subscribe<LiveAuditEventsSubscription>(
    { query: LiveEventsDocument.toString(), variables: liveEventsVariables(code) },
    {
      next: ({ data, errors }) => {
        if (errors?.length) handlers.onState('closed', errors[0]?.message);
        else if (data) handlers.onEvent(data.ledgerEvents);
      },
      error: (error: unknown) => handlers.onState('closed', error instanceof Error ? error.message : 'WebSocket が閉じられました'),
      complete: () => handlers.onState('closed'),
    },
  );
  return () => {
    stop();
    void client.dispose();
  };
}
