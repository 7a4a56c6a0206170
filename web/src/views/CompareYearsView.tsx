// /{code}/compare/{base}/{compare}: two fiscal years — totals, budget and spending by department and
// project, achievement counts — in tables and a chart.
import { compareYearsVariables, CompareYearsDocument } from '../api/operations';
import { useRequest } from '../api/use-request';
import { ChartFigure } from '../components/ChartFigure';
import { Layout } from '../components/Layout';
import { Legend } from '../components/Legend';
import { Answered } from '../components/Status';
import { fiscalYearLabel } from '../format/fiscal-year';
import { formatDelta, formatNumber } from '../format/numbers';
import { departmentRows, projectRows } from '../logic/compare-rows';
import { pathOf } from '../routing/routes';
import { BudgetTable } from './compare/BudgetTable';

export function CompareYearsView({ code, base, compare }: { code: string; base: number; compare: number }) {
  const answer = useRequest(CompareYearsDocument, compareYearsVariables(code, base, compare));
  const baseLabel = fiscalYearLabel(base);
  const compareLabel = fiscalYearLabel(compare);
  const title = `${baseLabel}と${compareLabel}の比較`;
  return (
    <Layout title={title} code={code} trail={[{ href: pathOf({ view: 'plan', code }), label: '計画' }]}>
      <nav aria-label="年度を移す" class="pager">
        <a href={pathOf({ view: 'compareYears', code, base: base - 1, compare: compare - 1 })}>← 1年前へ</a>
        <a href={pathOf({ view: 'compareYears', code, base: base + 1, compare: compare + 1 })}>1年後へ →</a>
      </nav>
      <Answered answer={answer} what="比較">
        {(data) => {
          const { totals } = data.compareFiscalYears;
          const departments = departmentRows(data.compareFiscalYears.indicators);
          const projects = projectRows(data.compareFiscalYears.indicators);
          const totalRows = [
            { label: '予算（事業費の目標、千円）', pair: totals.budget },
            { label: '決算（事業費の実績、千円）', pair: totals.spending },
            { label: '従事人工', pair: totals.staffing },
            { label: '測定された指標', pair: totals.measured },
            { label: 'うち達成した指標', pair: totals.achieved },
          ];
          const chartRows = departments.map((d) => ({ label: d.name, base: d.budget.base, compare: d.budget.compare }));
          const description = `所属別の予算（千円）。${chartRows.map((r) => `${r.label}: ${baseLabel} ${formatNumber(r.base)}、${compareLabel} ${formatNumber(r.compare)}`).join('。')}。`;
          return (
            <>
              <section aria-labelledby="totals">
                <h2 id="totals">合計</h2>
                <div class="table-scroll">
                  <table class="totals">
                    <caption>{title}の合計</caption>
                    <thead><tr><th scope="col">項目</th><th scope="col" class="num">{baseLabel}</th><th scope="col" class="num">{compareLabel}</th><th scope="col" class="num">増減</th></tr></thead>
                    <tbody>
                      {totalRows.map((row) => (
                        <tr key={row.label}>
                          <th scope="row">{row.label}</th>
                          <td class="num">{formatNumber(row.pair.base)}</td>
                          <td class="num">{formatNumber(row.pair.compare)}</td>
                          <td class="num">{formatDelta(row.pair.delta)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="by-department">
                <h2 id="by-department">所属別</h2>
                <div class="chart-and-table">
                  <ChartFigure
                    caption="所属別の予算"
                    description={description}
                    drawKey={JSON.stringify(chartRows)}
                    draw={async () => (await import('../charts/plot-charts')).pairedBarChart(chartRows, baseLabel, compareLabel)}
                    legend={<Legend items={[{ label: baseLabel, mark: 'base' }, { label: compareLabel, mark: 'compare' }]} />}
                  />
                  <BudgetTable caption="所属別の予算・決算・執行率（千円）" rows={departments} code={code} baseLabel={baseLabel} compareLabel={compareLabel} nameHeader="所属" />
                </div>
              </section>
              <section aria-labelledby="by-project">
                <h2 id="by-project">事業別</h2>
                <BudgetTable caption="事業別の予算・決算・執行率（千円）" rows={projects} code={code} baseLabel={baseLabel} compareLabel={compareLabel} nameHeader="事業" />
              </section>
            </>
          );
        }}
      </Answered>
    </Layout>
  );
}
