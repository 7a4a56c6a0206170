import { Ledger } from '../application/ledger';
import { responseCachePlugin } from '../graphql/plugins/response-cache';
import { SqliteEventStore } from '../store/sqlite/sqlite-event-store';
import { sampleText } from '../../test/support/sample';
import { startServer } from './start-server';

describe('responseCachePlugin behind the served HTTP stack (startServer)', () => {
  it('tags reads and answers a matching If-None-Match with an empty 304', async () => {
    const ledger = await Ledger.embedded(new SqliteEventStore({ path: ':memory:' }));
    await ledger.importReport(sampleText(), { municipality: '062073', actor: 'importer' });
    const server = await startServer({
      ledger,
      port: 0,
      host: '127.0.0.1',
      plugins: [responseCachePlugin({ headPosition: () => ledger.readModel.checkpoint() })],
    });
    try {
      const body = JSON.stringify({ query: '{ measure(code: "5-1-1") { title } }' });
      const send = (headers: Record<string, string> = {}) =>
        fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const first = await send();
      const etag = first.headers.get('etag');
      expect(first.status).toBe(200);
      expect(etag).toBeTruthy();
      const again = await send({ 'if-none-match': etag ?? '' });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    } finally {
      await server.stop();
      await ledger.close();
    }
  });
});
