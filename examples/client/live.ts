import { createClient, type Client } from 'graphql-ws';
import type { LiveEventsSubscription } from './gql/graphql';
import { graphql } from './gql';
import { print } from 'graphql';

export const LiveEventsDocument = graphql(`
  subscription LiveEvents($prefix: String) {
    ledgerEvents(streamPrefix: $prefix) {
      position streamId type eventType recordedAt actor reason
      payload { __typename ... on ValueStatedPayload { indicatorId fiscalYear value } }
    }
  }
`);

export function liveClient(url: string, token: string): Client {
  return createClient({ url, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 5 });
}

/** Calls `changed` with the id of every indicator written from now on, until `signal` aborts. */
export async function watchIndicators(client: Client, changed: (indicatorId: string) => void, signal: AbortSignal): Promise<void> {
  const events = client.iterate<LiveEventsSubscription>({ query: print(LiveEventsDocument), variables: { prefix: '062073-indicator-' } });
  signal.addEventListener('abort', () => void events.return?.(undefined));
  for await (const { data, errors } of events) {
    if (errors?.length) throw new Error(errors[0]?.message);
    if (data) changed(data.ledgerEvents.streamId.slice('062073-indicator-'.length));
  }
}
