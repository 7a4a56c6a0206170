// Documents known by their SHA-256 hash: those Apollo Client registers through automatic persisted
// queries (APQ), kept in bounded memory, or, when the deployment lists trusted documents, only those.
// One store serves Apollo (as its APQ cache) and the fast POST path (which answers a hash-only request
// from the response cache without Apollo), so both know the same documents.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { PersistedDocumentsConfig } from '../config/persisted-documents';

/** Apollo prefixes the keys it gives its APQ cache. */
const APOLLO_PREFIX = 'apq:';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The client preset's documents carry `sha256:<hex>` as their hash; clients may send it as it is. */
const bare = (hash: string): string => (hash.startsWith('sha256:') ? hash.slice('sha256:'.length) : hash);

/** The error for a document that is not in the deployment's trusted documents; over HTTP a 403. */
export function untrustedDocument(overHttp = false): GraphQLError {
  return new GraphQLError('this server runs only the operations its clients ship (trusted documents), and this document is not one of them', {
    extensions: { code: 'OPERATION_NOT_TRUSTED', ...(overHttp ? { http: { status: 403 } } : {}) },
  });
}

/** The part of Apollo's KeyValueCache its APQ uses. */
export interface DocumentCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

export class PersistedDocuments {
  private readonly registered: LRUCache<string, string> | null;

  constructor(private readonly config: PersistedDocumentsConfig) {
    // Trusted documents are the whole list: nothing a client sends is registered.
    this.registered =
      config.trusted === null && config.apqCacheBytes > 0
        ? new LRUCache<string, string>({ maxSize: config.apqCacheBytes, sizeCalculation: (document, hash) => 2 * (document.length + hash.length) })
        : null;
  }

  /** Whether hash-only requests are answered at all (otherwise PERSISTED_QUERY_NOT_SUPPORTED). */
  get enabled(): boolean {
    return this.registered !== null || this.config.trusted !== null;
  }

  get trustedOnly(): boolean {
    return this.config.trusted !== null;
  }

  /** The document with this hash, if known. */
  lookup(hash: string): string | undefined {
    return this.config.trusted ? this.config.trusted.get(bare(hash)) : this.registered?.get(hash);
  }

  /** Registers a document a client sent with its hash (answered without Apollo, which would have). */
  register(hash: string, document: string): void {
    this.registered?.set(hash, document);
  }

  /** Whether a document (by the SHA-256 of its text) may run here. */
  admits(hash: string): boolean {
    return this.config.trusted === null || this.config.trusted.has(bare(hash));
  }

  /** Apollo's APQ cache over this store. */
  apolloCache(): DocumentCache {
    const hashOf = (key: string) => (key.startsWith(APOLLO_PREFIX) ? key.slice(APOLLO_PREFIX.length) : key);
    return {
      get: async (key) => this.lookup(hashOf(key)),
      set: async (key, document) => this.register(hashOf(key), document),
      delete: async (key) => this.registered?.delete(hashOf(key)) ?? false,
    };
  }

  /**
   * Refuses any document not in the trusted documents (none, without a list). Apollo answers an error
   * thrown before parsing as an internal one, so the check comes once the operation is resolved, and
   * before anything runs: a document that does not parse or validate gets that error instead.
   */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    const documents = this;
    return {
      async requestDidStart() {
        if (!documents.trustedOnly) return {};
        return {
          // queryHash is the SHA-256 Apollo computed of the text, or the hash a hash-only request named.
          async didResolveOperation({ queryHash }) {
            if (!documents.admits(queryHash)) throw untrustedDocument(true);
          },
        };
      },
    };
  }
}
