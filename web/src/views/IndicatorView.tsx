// /{code}/indicator/{id}: one indicator's targets and actuals by fiscal year, as a chart and a table,
// each value's history a click away, and the whole view as published at an edition or a moment.
import { useState } from 'preact/hooks';
import { IndicatorDocument, indicatorVariables } from '../api/operations';
import { useRequest } from '../api/use-request';
import { AsOfSelector } from '../components/AsOfSelector';
import { ChartFigure } from '../components/ChartFigure';
import { Layout } from '../components/Layout';
import { Legend } from '../components/Legend';
import { Answered } from '../components/Status';
import { fiscalYearLabel } from '../format/fiscal-year';
import { pointInTime, readAsOf } from '../logic/as-of';
import { describeSeries, seriesPoints } from '../logic/indicator-series';
import { pathOf } from '../routing/routes';
import { HistoryDialog, type HistoryTarget } from './indicator/HistoryDialog';
import { ValuesTable } from './indicator/ValuesTable';

const KIND_LABEL: Readonly<Record<string, string>> = {
  OUTCOME: '施策の目標値', ACTIVITY: '事業の活動指標', COST: '事業費（千円）', STAFFING: '従事人工', GOAL_STATE: '事業の目標（状態）',
};
const DIRECTION_LABEL: Readonly<Record<string, string>> = { HIGHER_IS_BETTER: '高いほど良い', LOWER_IS_BETTER: '低いほど良い', NONE: '方向なし' };

export function IndicatorView({ code, indicatorId, search }: { code: string; indicatorId: string; search: URLSearchParams }) {
  const asOf = readAsOf(search);
  const at = pointInTime(asOf);
  const answer = useRequest(IndicatorDocument, indicatorVariables(code, indicatorId, at));
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const indicator = answer.state === 'done' ? answer.data.indicator : null;
  const title = indicator?.name ?? (answer.state === 'done' ? '指標が見つかりません' : '指標');
  const owner = indicator?.measure
    ? { href: pathOf({ view: 'plan', code }) + `?q=${encodeURIComponent(indicator.measure.code)}`, label: `${indicator.measure.code} ${indicator.measure.title}` }
    : indicator?.project
      ? { href: pathOf({ view: 'plan', code }) + `?q=${encodeURIComponent(indicator.project.name)}`, label: `事業: ${indicator.project.name}` }
      : null;

  return (
    <Layout title={title} code={code} trail={[{ href: pathOf({ view: 'plan', code }), label: '計画' }, ...(owner ? [owner] : [])]}>
      <Answered answer={answer} what="指標">
        {(data) => {
          if (!data.indicator) return <p>この時点には指標 <code>{indicatorId}</code> の記録がありません。</p>;
          const ind = data.indicator;
          const points = seriesPoints(ind.values);
          const years = ind.values.map((v) => v.fiscalYear);
          const description = describeSeries(ind.name, ind.unit, points, fiscalYearLabel);
          return (
            <>
              <p class="meta">
                {KIND_LABEL[ind.kind] ?? ind.kind}・単位: {ind.unit ?? 'なし'}・{DIRECTION_LABEL[ind.direction] ?? ind.direction}
                {(ind.measure?.department ?? ind.project?.department) && `・所属: ${ind.measure?.department ?? ind.project?.department}`}
              </p>
              <AsOfSelector asOf={asOf} search={search} editions={data.editions} />
              <div class="chart-and-table">
                <ChartFigure
                  caption={`${ind.name}の目標と実績の推移`}
                  description={description}
                  drawKey={JSON.stringify(points)}
                  draw={async () => (await import('../charts/plot-charts')).indicatorChart(points, years, ind.unit)}
                  legend={<Legend items={[{ label: '目標（破線・白丸）', mark: 'target' }, { label: '実績（実線・四角）', mark: 'actual' }, { label: '改定された目標（ひし形）', mark: 'revised' }]} />}
                />
                <ValuesTable name={ind.name} values={ind.values} onHistory={setHistory} />
              </div>
              {history && (
                <HistoryDialog code={code} indicatorId={indicatorId} indicatorName={ind.name} at={at} target={history} editions={data.editions} onClose={() => setHistory(null)} />
              )}
            </>
          );
        }}
      </Answered>
    </Layout>
  );
}
