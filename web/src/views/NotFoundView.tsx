import { Layout } from '../components/Layout';

export function NotFoundView({ path }: { path: string }) {
  return (
    <Layout title="ページが見つかりません" code={null}>
      <p><code>{path}</code> に当たる表示はありません。<a href="/">自治体一覧</a>から選んでください。</p>
    </Layout>
  );
}
