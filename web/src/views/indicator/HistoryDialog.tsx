// One value's history, a click away from its table cell: every statement of it, oldest first, with
// the edition, the cell as printed, the reason, who and when, and where it came from.
import { useEffect, useRef } from 'preact/hooks';
import { historyVariables, ValueHistoryDocument } from '../../api/operations';
import { useRequest } from '../../api/use-request';
import { Answered } from '../../components/Status';
import { fiscalYearLabel } from '../../format/fiscal-year';
import { formatInstant, formatNumber } from '../../format/numbers';
import type { PointInTime, ValueKind } from '../../gql/graphql';

export interface HistoryTarget {
  fiscalYear: number;
  kind: ValueKind;
}

interface HistoryDialogProps {
  code: string;
  indicatorId: string;
  indicatorName: string;
  at: PointInTime | null;
  target: HistoryTarget;
  editions: ReadonlyArray<{ fiscalYear: number; sourceSha256: string }>;
  onClose: () => void;
}

const KIND = { TARGET: '目標', ACTUAL: '実績' } as const;

export function HistoryDialog({ code, indicatorId, indicatorName, at, target, editions, onClose }: HistoryDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const answer = useRequest(ValueHistoryDocument, historyVariables(code, indicatorId, target.fiscalYear, target.kind, at));
  // A modal <dialog>: focus moves into it, Escape closes it, and focus returns to the cell's button.
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const source = (edition: number | null) => {
    if (edition === null) return '直接入力（recordValue）';
    const sha = editions.find((e) => e.fiscalYear === edition)?.sourceSha256;
    return `${fiscalYearLabel(edition)} 報告書${sha ? `（SHA-256 ${sha.slice(0, 12)}…）` : ''}`;
  };
  const title = `${indicatorName} ${fiscalYearLabel(target.fiscalYear)} ${KIND[target.kind]}の履歴`;
  return (
    <dialog ref={dialog} class="history" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      <Answered answer={answer} what="履歴">
        {(data) => (
          <div class="table-scroll">
            <table>
              <caption>古い順。最後の行が現在の値です。</caption>
              <thead>
                <tr><th scope="col">版</th><th scope="col">記載どおりの値</th><th scope="col">数値</th><th scope="col">理由</th><th scope="col">記録者</th><th scope="col">記録日時</th><th scope="col">出典</th></tr>
              </thead>
              <tbody>
                {(data.indicator?.history ?? []).map((h) => (
                  <tr key={h.id}>
                    <td>{h.edition === null ? '—' : fiscalYearLabel(h.edition)}</td>
                    <td>{h.text ?? '—'}</td>
                    <td class="num">{formatNumber(h.value)}</td>
                    <td>{h.reason ?? '—'}</td>
                    <td>{h.actor}</td>
                    <td><time dateTime={h.recordedAt}>{formatInstant(h.recordedAt)}</time></td>
                    <td>{source(h.edition)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Answered>
      <form method="dialog">
        <button type="submit">閉じる</button>
      </form>
    </dialog>
  );
}
