// The edition view's CSV download: one line per revision, then what was added, dropped and moved.
import type { EditionChangesViewQuery } from '../gql/graphql';
import { toCsv, type CsvCell } from './csv';

type Changes = EditionChangesViewQuery['editionChanges'];

const KIND_LABEL: Readonly<Record<string, string>> = { TARGET: '目標', ACTUAL: '実績' };
const yesNo = (flag: boolean | null): CsvCell => (flag === null ? '' : flag ? 'はい' : 'いいえ');
const owner = (indicator: { measure: { code: string } | null; project: { name: string } | null }) =>
  indicator.measure?.code ?? indicator.project?.name ?? '';

export function editionChangesCsv(changes: Changes): string {
  const rows: CsvCell[][] = [
    ['区分', '施策・事業', '指標', '年度', '種別', '変更前の版', '変更前', '変更後', '差', '緩和', '未達後の緩和', '理由'],
    ...changes.revisions.map((r) => [
      '改定', owner(r.indicator), r.indicator.name, r.fiscalYear, KIND_LABEL[r.kind] ?? r.kind, r.fromEdition,
      r.fromText ?? r.from, r.toText ?? r.to, r.delta, yesNo(r.eased), yesNo(r.easedAfterMiss), r.reason,
    ]),
    ...changes.addedIndicators.map((i) => ['指標の追加', owner(i), i.name]),
    ...changes.droppedIndicators.map((i) => ['指標の不掲載', owner(i), i.name]),
    ...changes.addedProjects.map((p) => ['事業の追加', p.name, '', '', '', '', '', p.department]),
    ...changes.droppedProjects.map((p) => ['事業の不掲載', p.name, '', '', '', '', p.department]),
    ...changes.departmentMoves.map((m) => ['所属の変更', m.title, '', '', m.ownerType === 'measure' ? '施策' : '事業', '', m.from, m.to]),
  ];
  return toCsv(rows);
}
