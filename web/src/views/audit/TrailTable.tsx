// One page of the audit trail, filtered as the URL says, with links to the pages before and after.
import { auditFilterFor, AuditTrailDocument } from '../../api/operations';
import { useRequest } from '../../api/use-request';
import { Answered } from '../../components/Status';
import { formatInstant, formatNumber } from '../../format/numbers';
import { pageArguments, pageSearch, readAuditQuery } from '../../logic/audit-query';

export function TrailTable({ code, token, search }: { code: string; token: string; search: URLSearchParams }) {
  const query = readAuditQuery(search);
  const answer = useRequest(AuditTrailDocument, { ...pageArguments(query), filter: auditFilterFor(code, query.filter) }, token);
  const pageLink = (page: { after?: string; before?: string }) => `${location.pathname}?${pageSearch(search, page).toString()}`;
  return (
    <Answered answer={answer} what="監査ログ">
      {({ auditTrail }) => {
        if (!auditTrail) return <p role="alert">監査ログを読めませんでした。</p>;
        const { pageInfo } = auditTrail;
        return (
          <>
            <p role="status">条件に合うイベント: {formatNumber(auditTrail.totalCount)}件</p>
            <div class="table-scroll">
              <table class="trail">
                <caption>監査ログ（古い順）</caption>
                <thead>
                  <tr><th scope="col">位置</th><th scope="col">種類</th><th scope="col">ストリーム</th><th scope="col">版</th><th scope="col">記録者</th><th scope="col">記録日時</th><th scope="col">理由</th><th scope="col">ハッシュ</th></tr>
                </thead>
                <tbody>
                  {auditTrail.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td class="num">{node.position}</td>
                      <td>{node.type}</td>
                      <td><code>{node.streamId}</code></td>
                      <td>{node.edition ?? '—'}</td>
                      <td>{node.actor}</td>
                      <td><time dateTime={node.recordedAt}>{formatInstant(node.recordedAt)}</time></td>
                      <td>{node.reason ?? '—'}</td>
                      <td><code class="hash" title={node.hash}>{node.hash.slice(0, 12)}…</code></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="監査ログのページ" class="pager">
              {pageInfo.hasPreviousPage && pageInfo.startCursor && <a href={pageLink({ before: pageInfo.startCursor })}>← 前のページ</a>}
              {pageInfo.hasNextPage && pageInfo.endCursor && <a href={pageLink({ after: pageInfo.endCursor })}>次のページ →</a>}
            </nav>
          </>
        );
      }}
    </Answered>
  );
}
