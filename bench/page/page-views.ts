// The page's deep links on the bundled sample, as the benchmark and the screenshots open them.
export interface PageView {
  name: string;
  path: string;
  /** What to wait for before the view counts as shown. */
  ready: string;
  /** Served only once issue #15 is (municipalities contract). */
  needsMunicipalities?: boolean;
}

const NPO = encodeURIComponent('5-1-1/NPO法人数');

export const PAGE_VIEWS: readonly PageView[] = [
  { name: 'municipalities', path: '/', ready: 'ul.municipalities, main .measure', needsMunicipalities: true },
  { name: 'plan', path: '/062073', ready: 'main .measure' },
  { name: 'indicator', path: `/062073/indicator/${NPO}`, ready: 'figure.chart [data-drawn] svg' },
  { name: 'edition', path: '/062073/edition/2022', ready: 'main table', needsMunicipalities: true },
  { name: 'compare-years', path: '/062073/compare/2021/2022', ready: 'figure.chart [data-drawn] svg' },
  { name: 'compare-municipalities', path: '/compare/2022', ready: 'figure.chart [data-drawn] svg', needsMunicipalities: true },
  { name: 'audit', path: '/062073/audit', ready: 'form.sign-in, .verify dd.ok' },
];
