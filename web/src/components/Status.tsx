// What a view shows while it waits, and when the ledger says no: in words a reader can act on.
import type { ComponentChildren } from 'preact';
import type { Answer } from '../api/use-request';
import { LedgerRequestError } from '../api/request';

export function Loading({ what }: { what: string }) {
  return <p role="status" class="status">{what}を読み込んでいます…</p>;
}

const ADVICE: Readonly<Record<string, string>> = {
  UNAUTHENTICATED: 'サインインが必要です。トークンの期限が切れている場合は、新しいトークンでサインインしてください。',
  FORBIDDEN: 'このトークンの権限では閲覧できません。',
  NOT_FOUND: '見つかりませんでした。URLを確認してください。',
  BAD_USER_INPUT: '指定された値を確認してください。',
  // Still refused after request.ts waited and asked again (retry-after.ts).
  TOO_MANY_REQUESTS: 'サーバーが混み合っています。しばらくしてから再読み込みしてください。',
};

function advice(error: Error): string {
  const code = error instanceof LedgerRequestError ? error.code : null;
  return (code && ADVICE[code]) ?? '読み込めませんでした。';
}

export function ErrorNotice({ error }: { error: Error }) {
  return (
    <div role="alert" class="notice notice-error">
      <p>{advice(error)}</p>
      <p class="detail">{error.message}</p>
    </div>
  );
}

/** Renders the data once it is there; the loading line or the error until then. */
export function Answered<R>({ answer, what, children }: { answer: Answer<R>; what: string; children: (data: R) => ComponentChildren }) {
  if (answer.state === 'loading') return <Loading what={what} />;
  if (answer.state === 'error') return <ErrorNotice error={answer.error} />;
  return <>{children(answer.data)}</>;
}
