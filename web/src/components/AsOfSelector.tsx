// "As it was published then": an edition, a moment (Japan time), or both; the view redraws from the URL.
import { fiscalYearLabel } from '../format/fiscal-year';
import { writeAsOf, type AsOf } from '../logic/as-of';
import { setSearch } from '../routing/navigation';

interface AsOfSelectorProps {
  asOf: AsOf;
  search: URLSearchParams;
  editions: ReadonlyArray<{ fiscalYear: number }>;
}

export function AsOfSelector({ asOf, search, editions }: AsOfSelectorProps) {
  const choose = (next: AsOf) => setSearch(writeAsOf(search, next));
  const past = asOf.edition !== null || asOf.at !== null;
  return (
    <fieldset class="as-of">
      <legend>時点</legend>
      <label>
        版
        <select
          value={asOf.edition === null ? '' : String(asOf.edition)}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            choose({ ...asOf, edition: value ? Number(value) : null });
          }}
        >
          <option value="">最新</option>
          {editions.map((e) => <option key={e.fiscalYear} value={String(e.fiscalYear)}>{fiscalYearLabel(e.fiscalYear)}版まで</option>)}
        </select>
      </label>
      <label>
        日時（日本時間）
        <input
          type="datetime-local"
          value={asOf.at ?? ''}
          onChange={(event) => choose({ ...asOf, at: (event.currentTarget as HTMLInputElement).value || null })}
        />
      </label>
      {past && <button type="button" onClick={() => choose({ edition: null, at: null })}>現在に戻す</button>}
      <p class="as-of-state" role="status">{past ? describe(asOf) : '現在の記録を表示しています。'}</p>
    </fieldset>
  );
}

function describe(asOf: AsOf): string {
  const parts = [
    asOf.edition !== null ? `${fiscalYearLabel(asOf.edition)}版までに公表された内容` : null,
    asOf.at !== null ? `${asOf.at.replace('T', ' ')} 時点の記録` : null,
  ].filter(Boolean);
  return `${parts.join('、')}を表示しています。`;
}
