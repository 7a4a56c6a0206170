// The trail's filters: applied on submit, kept in the URL (the page goes back to the first).
import { FILTER_FIELDS, type FilterField } from '../../logic/audit-query';
import { setSearch } from '../../routing/navigation';

const EVENT_TYPES = [
  'ActualRecorded', 'ActualRevised', 'EditionImported', 'IndicatorDefined', 'IndicatorNotReported', 'IndicatorReported', 'MeasureNotReported',
  'MeasureRegistered', 'MeasureReported', 'ProjectNotReported', 'ProjectRegistered', 'ProjectReported', 'TargetRevised', 'TargetSet',
];

const LABEL: Readonly<Record<FilterField, string>> = {
  eventType: 'イベントの種類', actor: '記録者', streamId: 'ストリーム', edition: '版（年度）', from: 'この日から', to: 'この日まで',
};

export function TrailFilter({ search }: { search: URLSearchParams }) {
  const apply = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const field of FILTER_FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(field, value);
    }
    setSearch(next);
  };
  const value = (field: FilterField) => search.get(field) ?? '';
  return (
    <form class="filters" onSubmit={apply} aria-label="監査ログの絞り込み">
      <label>
        {LABEL.eventType}
        <select name="eventType" value={search.get('eventType') ?? ''}>
          <option value="">すべて</option>
          {EVENT_TYPES.map((type) => <option key={type} value={type}>{type}</option>)}
        </select>
      </label>
      <label>{LABEL.actor}<input name="actor" type="text" defaultValue={value('actor')} /></label>
      <label>{LABEL.streamId}<input name="streamId" type="text" defaultValue={value('streamId')} /></label>
      <label>{LABEL.edition}<input name="edition" type="number" min={1989} max={2100} defaultValue={value('edition')} /></label>
      <label>{LABEL.from}<input name="from" type="date" defaultValue={value('from')} /></label>
      <label>{LABEL.to}<input name="to" type="date" defaultValue={value('to')} /></label>
      <button type="submit">絞り込む</button>
    </form>
  );
}
