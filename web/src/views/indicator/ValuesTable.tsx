// The chart's numbers as a table: each target and actual as printed, the revised ones marked, and each
// cell a button that opens that value's history.
import type { IndicatorViewQuery, ValueKind } from '../../gql/graphql';
import { fiscalYearLabel } from '../../format/fiscal-year';
import { formatNumber, formatRate } from '../../format/numbers';
import type { HistoryTarget } from './HistoryDialog';

type Value = NonNullable<IndicatorViewQuery['indicator']>['values'][number];

interface ValuesTableProps {
  name: string;
  values: readonly Value[];
  onHistory: (target: HistoryTarget) => void;
}

const KIND_LABEL: Readonly<Record<ValueKind, string>> = { TARGET: '目標', ACTUAL: '実績' };

function ValueCell({ value, text, kind, fiscalYear, onHistory, revised }: { value: number | null; text: string | null; kind: ValueKind; fiscalYear: number; onHistory: ValuesTableProps['onHistory']; revised: boolean }) {
  const shown = text ?? formatNumber(value);
  return (
    <td class={`num${revised ? ' revised' : ''}`}>
      <button type="button" class="cell-button" onClick={() => onHistory({ fiscalYear, kind })} aria-label={`${fiscalYearLabel(fiscalYear)} ${KIND_LABEL[kind]} ${shown}${revised ? '（改定あり）' : ''}: 履歴を表示`}>
        {shown}
        {revised && <span class="badge badge-revised">改定</span>}
      </button>
    </td>
  );
}

export function ValuesTable({ name, values, onHistory }: ValuesTableProps) {
  return (
    <div class="table-scroll">
      <table class="values">
        <caption>{name}の年度別の目標と実績（値を選ぶと履歴を表示）</caption>
        <thead>
          <tr><th scope="col">年度</th><th scope="col" class="num">目標</th><th scope="col" class="num">実績</th><th scope="col" class="num">達成率</th></tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.fiscalYear}>
              <th scope="row">{fiscalYearLabel(v.fiscalYear)}</th>
              <ValueCell value={v.target} text={v.targetText} kind="TARGET" fiscalYear={v.fiscalYear} onHistory={onHistory} revised={v.targetRevised} />
              <ValueCell value={v.actual} text={v.actualText} kind="ACTUAL" fiscalYear={v.fiscalYear} onHistory={onHistory} revised={false} />
              <td class="num">{formatRate(v.achievementRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
