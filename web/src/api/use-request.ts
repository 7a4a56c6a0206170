// A view's data: asked again whenever the variables change, and an answer that arrives after newer
// variables were asked for is dropped (its request aborted).
import { useEffect, useState } from 'preact/hooks';
import type { TypedDocumentString } from '../gql/graphql';
import { request } from './request';

export type Answer<R> = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'done'; data: R };

export function useRequest<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V | null,
  token: string | null = null,
  refresh = 0,
): Answer<R> {
  const [answer, setAnswer] = useState<Answer<R>>({ state: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) return undefined;
    const controller = new AbortController();
    setAnswer({ state: 'loading' });
    request(document, variables, { token, signal: controller.signal }).then(
      (data) => setAnswer({ state: 'done', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
    // The variables are compared by value (key), not by identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, token, refresh]);
  return answer;
}
