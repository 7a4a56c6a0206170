// The auditor's token lives in this tab's session storage: gone when the tab closes, never in a URL
// (which would land in history, logs and forwarded links), never in a cookie (which other sites'
// requests would carry).
const KEY = 'plan-ledger:token';

export const readToken = (): string | null => sessionStorage.getItem(KEY);
export const saveToken = (token: string): void => sessionStorage.setItem(KEY, token.trim().replace(/^Bearer\s+/i, ''));
export const forgetToken = (): void => sessionStorage.removeItem(KEY);
