// The frame of every view: a skip link, the site's navigation for the municipality in view, and the
// main region with the view's heading (which App focuses after each navigation).
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { pathOf } from '../routing/routes';

interface LayoutProps {
  title: string;
  code: string | null;
  children: ComponentChildren;
  /** Navigation items after the municipality's own, e.g. breadcrumbs. */
  trail?: ReadonlyArray<{ href: string; label: string }>;
}

export function Layout({ title, code, trail = [], children }: LayoutProps) {
  useEffect(() => {
    document.title = `${title} | 行政評価 plan-ledger`;
  }, [title]);
  return (
    <>
      <a class="skip-link" href="#main">本文へ移動</a>
      <header class="site-header">
        <a class="site-name" href="/">行政評価 plan-ledger</a>
        <nav aria-label="表示の切り替え">
          <ul>
            <li><a href="/">自治体一覧</a></li>
            {code && <li><a href={pathOf({ view: 'plan', code })}>計画</a></li>}
            {code && <li><a href={pathOf({ view: 'audit', code })}>監査</a></li>}
            <li><a href="/graphql">GraphQL</a></li>
          </ul>
        </nav>
      </header>
      {trail.length > 0 && (
        <nav aria-label="現在位置" class="breadcrumbs">
          <ol>{trail.map((item) => <li key={item.href}><a href={item.href}>{item.label}</a></li>)}</ol>
        </nav>
      )}
      <main id="main">
        <h1 tabIndex={-1}>{title}</h1>
        {children}
      </main>
    </>
  );
}
