// The hash chain's verification and its head hash: record the hash elsewhere to detect a rewrite later.
import { useState } from 'preact/hooks';
import { VerifyLedgerDocument } from '../../api/operations';
import { useRequest } from '../../api/use-request';
import { Answered } from '../../components/Status';
import { formatNumber } from '../../format/numbers';

export function VerifyPanel({ token }: { token: string }) {
  const [round, setRound] = useState(0);
  const answer = useRequest(VerifyLedgerDocument, {}, token, round);
  return (
    <section aria-labelledby="verify" class="verify">
      <h2 id="verify">ハッシュチェーンの検証</h2>
      <Answered answer={answer} what="検証結果">
        {({ verifyLedger: v }) => (
          <dl>
            <dt>結果</dt>
            <dd class={v.ok ? 'ok' : 'broken'}>{v.ok ? '✔ 改ざんは見つかりませんでした' : `✘ 位置 ${v.brokenAt ?? '?'} で連鎖が途切れています: ${v.problem ?? ''}`}</dd>
            <dt>検証した範囲</dt>
            <dd>{v.full ? 'ログ全体' : `位置 ${v.fromPosition} の後`}（{formatNumber(v.events)}件）</dd>
            <dt>先頭の位置</dt>
            <dd>{v.headPosition ?? '—'}</dd>
            <dt>先頭のハッシュ</dt>
            <dd><code class="hash">{v.headHash ?? '—'}</code></dd>
          </dl>
        )}
      </Answered>
      <button type="button" onClick={() => setRound((n) => n + 1)}>もう一度検証する</button>
    </section>
  );
}
