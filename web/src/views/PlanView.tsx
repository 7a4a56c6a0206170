// /{code}: the plan, 章 → 政策 → 施策 → 事業, searchable, each measure's achievement at a glance in the
// fiscal year of the latest edition (or of the edition chosen as of).
import { EditionsDocument, editionsVariables, PlanOverviewDocument, planVariables } from '../api/operations';
import { useRequest } from '../api/use-request';
import { AsOfSelector } from '../components/AsOfSelector';
import { Layout } from '../components/Layout';
import { SearchBox } from '../components/SearchBox';
import { Answered } from '../components/Status';
import { pointInTime, readAsOf } from '../logic/as-of';
import { searchPlan } from '../logic/plan-search';
import { PlanLinks } from './plan/PlanLinks';
import { MeasureCard } from './plan/MeasureCard';

export function PlanView({ code, search }: { code: string; search: URLSearchParams }) {
  const asOf = readAsOf(search);
  const editions = useRequest(EditionsDocument, editionsVariables(code));
  const years = editions.state === 'done' ? editions.data.editions.map((e) => e.fiscalYear) : [];
  const latest = years.length ? Math.max(...years) : null;
  const year = asOf.edition ?? latest;
  const plan = useRequest(PlanOverviewDocument, year === null ? null : planVariables(code, pointInTime(asOf), year));
  const title = plan.state === 'done' && plan.data.plan.title ? plan.data.plan.title : `計画（団体コード ${code}）`;
  return (
    <Layout title={title} code={code}>
      <Answered answer={editions} what="報告書の版">
        {({ editions: list }) =>
          list.length === 0 ? (
            <p>まだ報告書が取り込まれていません。</p>
          ) : (
            <>
              <PlanLinks code={code} editions={list} />
              <div class="controls">
                <SearchBox label="施策・指標・事業を検索" hint="例: NPO, 5-1-1, 市政戦略課" search={search} />
                <AsOfSelector asOf={asOf} search={search} editions={list} />
              </div>
              <Answered answer={plan} what="計画">
                {(data) => {
                  const chapters = searchPlan(data.plan.chapters, search.get('q') ?? '');
                  return (
                    <>
                      <p role="status" class="result-count">{chapters.flatMap((c) => c.policies.flatMap((p) => p.measures)).length}件の施策</p>
                      {chapters.map((chapter) => (
                        <section key={chapter.number} aria-labelledby={`chapter-${chapter.number}`}>
                          <h2 id={`chapter-${chapter.number}`}>第{chapter.number}章 {chapter.title}</h2>
                          {chapter.policies.map((policy) => (
                            <section key={policy.code} aria-labelledby={`policy-${policy.code}`}>
                              <h3 id={`policy-${policy.code}`}><span class="code">{policy.code}</span> {policy.title}</h3>
                              {policy.measures.map((m) => <MeasureCard key={m.code} code={code} measure={m} latestEdition={year} />)}
                            </section>
                          ))}
                        </section>
                      ))}
                    </>
                  );
                }}
              </Answered>
            </>
          )
        }
      </Answered>
    </Layout>
  );
}
