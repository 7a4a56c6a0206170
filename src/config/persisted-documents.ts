// Automatic persisted queries (APQ) and trusted documents: read from the environment and validated at
// start-up like the limits. A manifest that cannot be read, or whose hashes are not the SHA-256 of
// their documents, stops the server before it listens rather than refusing every request later.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigurationError } from '../shared/configuration-error';

export interface PersistedDocumentsConfig {
  /** PLAN_LEDGER_APQ_CACHE_MB: memory for documents registered by hash (least recently used first out); 0 turns APQ off. */
  apqCacheBytes: number;
  /**
   * PLAN_LEDGER_TRUSTED_DOCUMENTS: the only documents this server runs, by SHA-256 (hex) of their text,
   * as GraphQL Code Generator's client preset emits them (`persistedDocuments: { hashAlgorithm: 'sha256' }`).
   * Null: any document.
   */
  trusted: ReadonlyMap<string, string> | null;
}

export const PERSISTED_DOCUMENT_VARIABLES = { apqCacheBytes: 'PLAN_LEDGER_APQ_CACHE_MB', trusted: 'PLAN_LEDGER_TRUSTED_DOCUMENTS' } as const;

/** A page's queries are a few kB each; 16 MiB holds thousands of them. */
export const DEFAULT_APQ_CACHE_MB = 16;

const MEBIBYTE = 1024 * 1024;
/** The client preset writes `sha256:<hex>`; APQ hashes are the bare hex. */
const SHA256_KEY = /^(?:sha256:)?([0-9a-f]{64})$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const manifest = z.record(z.string(), z.string().min(1, 'must be a GraphQL document'));

/** The manifest at `file`, every hash checked against its document. */
export function readTrustedDocuments(file: string): ReadonlyMap<string, string> {
  const variable = PERSISTED_DOCUMENT_VARIABLES.trusted;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`invalid trusted documents configuration: ${variable}=${JSON.stringify(file)} cannot be read as JSON: ${(error as Error).message}`);
  }
  const parsed = manifest.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const where = problem?.path.length ? ` at ${JSON.stringify(String(problem.path[0]))}` : '';
    throw new ConfigurationError(`invalid trusted documents configuration: ${variable}=${JSON.stringify(file)} must map SHA-256 hashes to documents${where}: ${problem?.message ?? 'not an object'}`);
  }
  const documents = new Map<string, string>();
  for (const [key, document] of Object.entries(parsed.data)) {
    const hash = SHA256_KEY.exec(key)?.[1];
    if (hash === undefined) {
      throw new ConfigurationError(`invalid trusted documents configuration: ${variable}=${JSON.stringify(file)}: ${JSON.stringify(key)} must be a lowercase hex SHA-256 hash (generate it with hashAlgorithm: 'sha256')`);
    }
    documents.set(hash, document);
  }
  for (const [hash, document] of documents) {
    // A SHA-1 manifest (the client preset's default) or an edited document would never match what clients send.
    if (sha256(document) !== hash) {
      throw new ConfigurationError(`invalid trusted documents configuration: ${variable}=${JSON.stringify(file)}: ${hash} is not the SHA-256 of its document (generate it with hashAlgorithm: 'sha256')`);
    }
  }
  if (documents.size === 0) throw new ConfigurationError(`invalid trusted documents configuration: ${variable}=${JSON.stringify(file)} lists no documents`);
  return documents;
}

export function loadPersistedDocumentsConfig(env: NodeJS.ProcessEnv = process.env): PersistedDocumentsConfig {
  const variable = PERSISTED_DOCUMENT_VARIABLES.apqCacheBytes;
  const text = env[variable]?.trim() ?? '';
  let megabytes = DEFAULT_APQ_CACHE_MB;
  if (text !== '') {
    if (!/^\d+$/.test(text) || Number(text) > 4096) {
      throw new ConfigurationError(`invalid persisted queries configuration: ${variable}=${JSON.stringify(env[variable])} must be a whole number of MiB from 0 to 4096`);
    }
    megabytes = Number(text);
  }
  const file = env[PERSISTED_DOCUMENT_VARIABLES.trusted]?.trim() ?? '';
  return { apqCacheBytes: megabytes * MEBIBYTE, trusted: file === '' ? null : readTrustedDocuments(file) };
}
