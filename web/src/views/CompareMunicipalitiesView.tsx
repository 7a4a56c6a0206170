// /compare/{year}: municipalities side by side for one fiscal year, sortable, with a chart.
import { CompareMunicipalitiesDocument } from '../api/operations';
import { useRequest } from '../api/use-request';
import { ChartFigure } from '../components/ChartFigure';
import { Layout } from '../components/Layout';
import { SortableTable, type Column } from '../components/SortableTable';
import { Answered } from '../components/Status';
import { fiscalYearLabel } from '../format/fiscal-year';
import { formatNumber, formatRate } from '../format/numbers';
import type { CompareMunicipalitiesViewQuery } from '../gql/graphql';
import { pathOf } from '../routing/routes';

type Summary = CompareMunicipalitiesViewQuery['compareMunicipalities'][number];

// Municipalities and prefectures sort in 団体コード order (prefectures north to south, then each one's
// cities, towns and villages), as official tables list them. Names in Japanese collation would follow
// the JIS order of their first kanji, which is neither that order nor their reading's (郡山市 before 上山市).
const PREFECTURE_DIGITS = 2;

const columns: Array<Column<Summary>> = [
  { key: 'name', header: '自治体', sortValue: (s) => s.municipality.code, cell: (s) => <a href={pathOf({ view: 'plan', code: s.municipality.code })}>{s.municipality.name}</a> },
  { key: 'prefecture', header: '都道府県', sortValue: (s) => s.municipality.code.slice(0, PREFECTURE_DIGITS), cell: (s) => s.municipality.prefecture },
  { key: 'budget', header: '予算（千円）', numeric: true, sortValue: (s) => s.budget, cell: (s) => formatNumber(s.budget) },
  { key: 'spending', header: '決算（千円）', numeric: true, sortValue: (s) => s.spending, cell: (s) => formatNumber(s.spending) },
  { key: 'rate', header: '執行率', numeric: true, sortValue: (s) => s.executionRate, cell: (s) => formatRate(s.executionRate) },
  { key: 'staffing', header: '従事人工', numeric: true, sortValue: (s) => s.staffing, cell: (s) => formatNumber(s.staffing) },
  { key: 'measured', header: '測定指標', numeric: true, sortValue: (s) => s.measured, cell: (s) => formatNumber(s.measured) },
  { key: 'achieved', header: '達成指標', numeric: true, sortValue: (s) => s.achieved, cell: (s) => formatNumber(s.achieved) },
  { key: 'revised', header: '改定された目標', numeric: true, sortValue: (s) => s.revisedTargets, cell: (s) => formatNumber(s.revisedTargets) },
];

export function CompareMunicipalitiesView({ fiscalYear }: { fiscalYear: number }) {
  const answer = useRequest(CompareMunicipalitiesDocument, { fiscalYear });
  const title = `${fiscalYearLabel(fiscalYear)}の自治体比較`;
  return (
    <Layout title={title} code={null}>
      <nav aria-label="年度を移す" class="pager">
        <a href={pathOf({ view: 'compareMunicipalities', fiscalYear: fiscalYear - 1 })}>← {fiscalYearLabel(fiscalYear - 1)}</a>
        <a href={pathOf({ view: 'compareMunicipalities', fiscalYear: fiscalYear + 1 })}>{fiscalYearLabel(fiscalYear + 1)} →</a>
      </nav>
      <Answered answer={answer} what="自治体の比較">
        {({ compareMunicipalities: rows }) => {
          const bars = rows.map((s) => ({ label: s.municipality.name, value: s.budget }));
          const description = `自治体別の予算（千円）。${bars.map((b) => `${b.label}: ${formatNumber(b.value)}`).join('、')}。`;
          return (
            <div class="chart-and-table">
              <ChartFigure caption="自治体別の予算" description={description} drawKey={JSON.stringify(bars)} draw={async () => (await import('../charts/plot-charts')).barChart(bars, '千円')} />
              <SortableTable caption={`${title}（列の見出しで並べ替え。自治体と都道府県は団体コード順）`} columns={columns} rows={rows} rowKey={(s) => s.municipality.code} />
            </div>
          );
        }}
      </Answered>
    </Layout>
  );
}
