// Signing in: an auditor pastes the token an administrator minted (plan-ledger token --role auditor).
import { useState } from 'preact/hooks';

export function SignIn({ onToken }: { onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      class="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) onToken(value);
      }}
    >
      <p>監査ログの閲覧には、監査役（auditor）または管理者（admin）のトークンが必要です。トークンはこのタブを閉じると消え、URLには含まれません。</p>
      <label>
        トークン
        <input type="password" autoComplete="off" value={value} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} required />
      </label>
      <button type="submit">サインイン</button>
    </form>
  );
}
