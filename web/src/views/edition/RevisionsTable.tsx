// Every revision an edition made: before → after, the change, whether a target was eased, and — marked
// in words and by row style — eased after a miss.
import type { EditionChangesViewQuery } from '../../gql/graphql';
import { SortableTable, type Column } from '../../components/SortableTable';
import { fiscalYearLabel } from '../../format/fiscal-year';
import { formatDelta, formatNumber } from '../../format/numbers';
import { pathOf } from '../../routing/routes';

type Revision = EditionChangesViewQuery['editionChanges']['revisions'][number];

const shown = (value: number | null, text: string | null) => text ?? formatNumber(value);
const eased = (r: Revision) => (r.easedAfterMiss ? '未達後の緩和' : r.eased ? '緩和' : r.eased === false ? '—' : '');

export function RevisionsTable({ code, revisions }: { code: string; revisions: readonly Revision[] }) {
  const columns: Array<Column<Revision>> = [
    { key: 'owner', header: '施策・事業', sortValue: (r) => r.indicator.measure?.code ?? r.indicator.project?.name ?? '', cell: (r) => r.indicator.measure?.code ?? r.indicator.project?.name ?? '' },
    {
      key: 'indicator', header: '指標', sortValue: (r) => r.indicator.name,
      cell: (r) => <a href={pathOf({ view: 'indicator', code, indicatorId: r.indicator.id })}>{r.indicator.name}</a>,
    },
    { key: 'year', header: '年度', sortValue: (r) => r.fiscalYear, cell: (r) => fiscalYearLabel(r.fiscalYear) },
    { key: 'kind', header: '種別', sortValue: (r) => r.kind, cell: (r) => (r.kind === 'TARGET' ? '目標' : '実績') },
    { key: 'from', header: '変更前', numeric: true, sortValue: (r) => r.from, cell: (r) => `${shown(r.from, r.fromText)}${r.fromEdition ? `（${r.fromEdition}年度版）` : ''}` },
    { key: 'to', header: '変更後', numeric: true, sortValue: (r) => r.to, cell: (r) => shown(r.to, r.toText) },
    { key: 'delta', header: '差', numeric: true, sortValue: (r) => r.delta, cell: (r) => formatDelta(r.delta) },
    {
      key: 'eased', header: '緩和', sortValue: (r) => (r.easedAfterMiss ? 2 : r.eased ? 1 : 0),
      cell: (r) => (r.easedAfterMiss ? <strong class="badge badge-warning">⚠ {eased(r)}</strong> : eased(r)),
    },
    { key: 'reason', header: '理由', sortValue: (r) => r.reason, cell: (r) => r.reason ?? '—' },
  ];
  return (
    <SortableTable
      caption="目標・実績の改定（変更前 → 変更後）"
      columns={columns}
      rows={revisions}
      rowKey={(r) => `${r.indicator.id} ${r.fiscalYear} ${r.kind}`}
      rowClass={(r) => (r.easedAfterMiss ? 'eased-after-miss' : undefined)}
    />
  );
}
