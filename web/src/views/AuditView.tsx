// /{code}/audit: for a signed-in auditor, the audit trail (paged, filtered), the chain's verification
// and head hash, and live events.
import { useState } from 'preact/hooks';
import { forgetToken, readToken, saveToken } from '../api/session-token';
import { Layout } from '../components/Layout';
import { pathOf } from '../routing/routes';
import { LiveEvents } from './audit/LiveEvents';
import { SignIn } from './audit/SignIn';
import { TrailFilter } from './audit/TrailFilter';
import { TrailTable } from './audit/TrailTable';
import { VerifyPanel } from './audit/VerifyPanel';

export function AuditView({ code, search }: { code: string; search: URLSearchParams }) {
  const [token, setToken] = useState<string | null>(readToken);
  const signIn = (value: string) => {
    saveToken(value);
    setToken(readToken());
  };
  const signOut = () => {
    forgetToken();
    setToken(null);
  };
  return (
    <Layout title="監査" code={code} trail={[{ href: pathOf({ view: 'plan', code }), label: '計画' }]}>
      {!token ? (
        <SignIn onToken={signIn} />
      ) : (
        <>
          <p class="signed-in">
            サインイン中（トークンはこのタブにのみ保存）<button type="button" onClick={signOut}>サインアウト</button>
          </p>
          <div class="audit-columns">
            <VerifyPanel token={token} />
            <LiveEvents code={code} token={token} />
          </div>
          <section aria-labelledby="trail">
            <h2 id="trail">監査ログ</h2>
            <TrailFilter search={search} />
            <TrailTable code={code} token={token} search={search} />
          </section>
        </>
      )}
    </Layout>
  );
}
