// The page's deep links on the ledger of page-server.ts, as the benchmark and the screenshots open them.
export interface PageView {
  name: string;
  path: string;
  /** What to wait for before the view counts as shown. */
  ready: string;
}

const NPO = encodeURIComponent('5-1-1/NPO法人数');

export const PAGE_VIEWS: readonly PageView[] = [
  { name: 'municipalities', path: '/', ready: 'ul.municipalities' },
  { name: 'plan', path: '/062073', ready: 'main .measure' },
  { name: 'indicator', path: `/062073/indicator/${NPO}`, ready: 'figure.chart [data-drawn] svg' },
  { name: 'edition', path: '/062073/edition/2022', ready: 'main table' },
  { name: 'compare-years', path: '/062073/compare/2021/2022', ready: 'figure.chart [data-drawn] svg' },
  { name: 'compare-municipalities', path: '/compare/2021', ready: 'figure.chart [data-drawn] svg' },
  { name: 'audit', path: '/062073/audit', ready: 'form.sign-in, .verify dd.ok' },
];
