import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_APQ_CACHE_MB, loadPersistedDocumentsConfig } from './persisted-documents';

const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
const manifest = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const document = 'query Editions { editions { fiscalYear } }';
const hash = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');

describe('loadPersistedDocumentsConfig', () => {
  it('has APQ on in bounded memory and no trusted documents by default', () => {
    expect(loadPersistedDocumentsConfig({})).toEqual({ apqCacheBytes: DEFAULT_APQ_CACHE_MB * 1024 * 1024, trusted: null });
    expect(loadPersistedDocumentsConfig({ PLAN_LEDGER_APQ_CACHE_MB: '0' }).apqCacheBytes).toBe(0);
  });

  it('reads a manifest of SHA-256 hashes to documents', () => {
    const file = manifest('good.json', { [hash('sha256', document)]: document });
    expect(loadPersistedDocumentsConfig({ PLAN_LEDGER_TRUSTED_DOCUMENTS: file }).trusted).toEqual(new Map([[hash('sha256', document), document]]));
  });

  it('reads the client preset\'s manifest, whose keys are sha256:<hex>', () => {
    const file = manifest('preset.json', { [`sha256:${hash('sha256', document)}`]: document });
    expect(loadPersistedDocumentsConfig({ PLAN_LEDGER_TRUSTED_DOCUMENTS: file }).trusted).toEqual(new Map([[hash('sha256', document), document]]));
  });

  it.each([
    ['a size that is not a whole number', { PLAN_LEDGER_APQ_CACHE_MB: '1.5' }, /PLAN_LEDGER_APQ_CACHE_MB="1.5" must be a whole number/],
    ['a missing manifest', { PLAN_LEDGER_TRUSTED_DOCUMENTS: join(dir, 'absent.json') }, /PLAN_LEDGER_TRUSTED_DOCUMENTS=".*absent.json" cannot be read as JSON/],
    ['a manifest that is not JSON', { PLAN_LEDGER_TRUSTED_DOCUMENTS: manifest('bad.json', '{') }, /cannot be read as JSON/],
    ['a list instead of a map', { PLAN_LEDGER_TRUSTED_DOCUMENTS: manifest('list.json', [document]) }, /must map SHA-256 hashes to documents/],
    ['SHA-1 hashes (the client preset default)', { PLAN_LEDGER_TRUSTED_DOCUMENTS: manifest('sha1.json', { [hash('sha1', document)]: document }) }, /must be a lowercase hex SHA-256 hash/],
    ['a hash of another document', { PLAN_LEDGER_TRUSTED_DOCUMENTS: manifest('edited.json', { [hash('sha256', 'query X { editions { label } }')]: document }) }, /is not the SHA-256 of its document/],
    ['an empty manifest', { PLAN_LEDGER_TRUSTED_DOCUMENTS: manifest('empty.json', {}) }, /lists no documents/],
  ])('refuses %s at start-up', (_name, env, message) => {
    expect(() => loadPersistedDocumentsConfig(env)).toThrow(message);
  });
});
