// One 施策: its indicators with their latest achievement, and its 事業, ended ones marked.
import type { PlanOverviewQuery } from '../../gql/graphql';
import { fiscalYearLabel } from '../../format/fiscal-year';
import { formatNumber, formatRate } from '../../format/numbers';
import { achievementLevel, LEVEL_LABEL, latestMeasured, measureAchievement } from '../../logic/achievement';
import { pathOf } from '../../routing/routes';

type Chapter = PlanOverviewQuery['plan']['chapters'][number];
export type Measure = Chapter['policies'][number]['measures'][number];

const COUNTED = new Set(['OUTCOME', 'ACTIVITY']);

/** The one value the plan asks for, as the list the achievement logic reads. */
const valuesOf = (indicator: Measure['indicators'][number]) => (indicator.value ? [indicator.value] : []);

export function MeasureCard({ code, measure, latestEdition }: { code: string; measure: Measure; latestEdition: number | null }) {
  const summary = measureAchievement(measure.indicators.map((indicator) => ({ kind: indicator.kind, values: valuesOf(indicator) })));
  const link = (id: string) => pathOf({ view: 'indicator', code, indicatorId: id });
  return (
    <article class="measure" aria-labelledby={`measure-${measure.code}`}>
      <h4 id={`measure-${measure.code}`}>
        <span class="code">{measure.code}</span> {measure.title}
      </h4>
      <p class="meta">
        所属: {measure.department ?? '（記載なし）'}
        {summary && (
          <span class="glance">
            {' '}・ {fiscalYearLabel(summary.fiscalYear)}: {summary.measured}指標中 {summary.achieved}指標が達成
            <meter min={0} max={summary.measured} value={summary.achieved} aria-hidden="true" />
          </span>
        )}
      </p>
      {measure.indicators.some((i) => COUNTED.has(i.kind)) && (
        <ul class="indicators" aria-label={`${measure.code} の指標`}>
          {measure.indicators.filter((i) => COUNTED.has(i.kind)).map((indicator) => {
            const latest = latestMeasured(valuesOf(indicator));
            const level = achievementLevel(latest?.achievementRate);
            return (
              <li key={indicator.id}>
                <a href={link(indicator.id)}>{indicator.name}</a>{' '}
                <span class={`level level-${level}`}>{LEVEL_LABEL[level]}</span>
                {latest && (
                  <span class="latest">
                    {' '}{fiscalYearLabel(latest.fiscalYear)} 実績 {formatNumber(latest.actual)}{indicator.unit ?? ''} / 目標 {formatNumber(latest.target)}（{formatRate(latest.achievementRate)}）
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {measure.projects.length > 0 && (
        <ul class="projects" aria-label={`${measure.code} の事業`}>
          {measure.projects.map((project) => {
            const last = Math.max(...project.editions);
            const ended = latestEdition !== null && last < latestEdition;
            return (
              <li key={project.id}>
                事業: <a href={link(project.cost.id)}>{project.name}</a> <span class="meta">（{project.department}）</span>
                {ended && <span class="badge badge-ended"> 報告終了: {fiscalYearLabel(last)}版まで</span>}
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}
