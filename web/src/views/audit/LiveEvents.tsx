// The municipality's events as they are appended, newest first, announced politely to screen readers.
import { useEffect, useState } from 'preact/hooks';
import type { LiveEvent } from '../../api/live';
import { formatInstant } from '../../format/numbers';

const KEEP = 50;

export function LiveEvents({ code, token }: { code: string; token: string }) {
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [state, setState] = useState<{ state: string; detail?: string }>({ state: 'connecting' });
  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('../../api/live').then(({ subscribeToLedger }) => {
      if (cancelled) return;
      stop = subscribeToLedger(token, code, {
        onEvent: (event) => setEvents((shown) => [event, ...shown].slice(0, KEEP)),
        onState: (next, detail) => setState({ state: next, ...(detail ? { detail } : {}) }),
      });
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [code, token]);
  const label = { connecting: '接続中…', open: '受信中', closed: '切断されました' }[state.state] ?? state.state;
  return (
    <section aria-labelledby="live" class="live">
      <h2 id="live">リアルタイムのイベント</h2>
      <p class="meta" data-live-state={state.state}>状態: {label}{state.detail ? `（${state.detail}）` : ''}</p>
      <ol aria-live="polite" aria-label="受信したイベント（新しい順）">
        {events.map((e) => (
          <li key={e.id}>
            <code>{e.position}</code> {e.type} <code>{e.streamId}</code> — {e.actor}, <time dateTime={e.recordedAt}>{formatInstant(e.recordedAt)}</time>
            {e.reason && <>: {e.reason}</>}
          </li>
        ))}
      </ol>
      {events.length === 0 && <p>このページを開いてから追加されたイベントはまだありません。</p>}
    </section>
  );
}
