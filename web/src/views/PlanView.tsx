// /{code}: the municipality's plan, 章 → 政策 → 施策 → 事業, searchable, each measure's achievement at a
// glance in the fiscal year of the latest edition (or of the edition chosen as of).
import { EditionsDocument, editionsVariables, PlanOverviewDocument, planVariables } from '../api/operations';
import { useRequest } from '../api/use-request';
import { AsOfSelector } from '../components/AsOfSelector';
import { Layout } from '../components/Layout';
import { SearchBox } from '../components/SearchBox';
import { Answered } from '../components/Status';
import { pointInTime, readAsOf } from '../logic/as-of';
import { planHeading } from '../logic/plan-heading';
import { searchPlan } from '../logic/plan-search';
import { PlanLinks } from './plan/PlanLinks';
import { MeasureCard } from './plan/MeasureCard';

export function PlanView({ code, search }: { code: string; search: URLSearchParams }) {
  const asOf = readAsOf(search);
  const municipality = useRequest(EditionsDocument, editionsVariables(code));
  const named = municipality.state === 'done' ? municipality.data.municipality : null;
  const years = named ? named.editions.map((e) => e.fiscalYear) : [];
  const latest = years.length ? Math.max(...years) : null;
  const year = asOf.edition ?? latest;
  const plan = useRequest(PlanOverviewDocument, year === null ? null : planVariables(code, pointInTime(asOf), year));
  const planTitle = plan.state === 'done' ? plan.data.plan.title : null;
  return (
    <Layout title={planHeading(code, named?.name ?? null, planTitle)} code={code}>
      <Answered answer={municipality} what="報告書の版">
        {({ municipality: found }) =>
          !found || found.editions.length === 0 ? (
            <p>{found?.name ?? 'この自治体'}の報告書はまだ取り込まれていません。</p>
          ) : (
            <>
              <PlanLinks code={code} editions={found.editions} />
              <div class="controls">
                <SearchBox label="施策・指標・事業を検索" hint="例: NPO, 5-1-1, 市政戦略課" search={search} />
                <AsOfSelector asOf={asOf} search={search} editions={found.editions} />
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
