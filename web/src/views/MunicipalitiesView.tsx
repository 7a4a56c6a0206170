// /: the municipalities this ledger holds, searchable by name, code or prefecture; a ledger that holds
// one goes straight to its plan.
import { useEffect } from 'preact/hooks';
import { MunicipalitiesDocument } from '../api/operations';
import { useRequest } from '../api/use-request';
import { Layout } from '../components/Layout';
import { SearchBox } from '../components/SearchBox';
import { Answered } from '../components/Status';
import { matchesQuery } from '../logic/text-match';
import { navigate } from '../routing/navigation';
import { pathOf } from '../routing/routes';

export function MunicipalitiesView({ search }: { search: URLSearchParams }) {
  const answer = useRequest(MunicipalitiesDocument, {});
  const only = answer.state === 'done' && answer.data.municipalities.length === 1 ? answer.data.municipalities[0] : undefined;
  useEffect(() => {
    if (only) navigate(pathOf({ view: 'plan', code: only.code }), { replace: true });
  }, [only?.code]);

  return (
    <Layout title="自治体一覧" code={null}>
      <Answered answer={answer} what="自治体の一覧">
        {({ municipalities }) => {
          const query = search.get('q') ?? '';
          const found = municipalities.filter((m) => matchesQuery(query, [m.code, m.name, m.prefecture]));
          return (
            <>
              <SearchBox label="自治体を検索" hint="名前・団体コード・都道府県（例: 上山, 062073, 山形県）" search={search} />
              <p role="status">{found.length}団体</p>
              <ul class="municipalities">
                {found.map((m) => (
                  <li key={m.code}>
                    <a href={pathOf({ view: 'plan', code: m.code })}>{m.name}</a> <span class="meta">{m.prefecture}・{m.code}</span>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Answered>
    </Layout>
  );
}
