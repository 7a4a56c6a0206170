import type {
  AllStreamResolvedEvent,
  AppendStreamRequest,
  MultiAppendResult,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/** The part of a live $all subscription the adapter uses. */
export interface AllSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
  destroy(): void;
}

/**
 * The calls the adapter makes on a KurrentDBClient, and nothing else. A KurrentDBClient satisfies it
 * as it is; naming the subset keeps the adapter honest about what it relies on and lets tests stand
 * in for the server.
 */
export interface KurrentGateway {
  multiStreamAppend(requests: AppendStreamRequest[]): Promise<MultiAppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  dispose(): Promise<void>;
}
