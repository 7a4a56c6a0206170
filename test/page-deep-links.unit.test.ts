// The server answers the page for exactly the paths the page's router reads: a deep link it can show
// is never the API's 404, and a path it cannot show is never the page.
import { isDeepLink } from '../src/http/page/deep-links';
import { parseRoute, pathOf, type Route } from '../web/src/routing/routes';

const views: Route[] = [
  { view: 'municipalities' },
  { view: 'plan', code: '062073' },
  { view: 'indicator', code: '062073', indicatorId: '5-1-1/NPO法人数' },
  { view: 'indicator', code: '072036', indicatorId: '地域おこし協力隊推進事業費/事業費' },
  { view: 'edition', code: '062073', edition: 2022 },
  { view: 'compareYears', code: '062073', base: 2021, compare: 2022 },
  { view: 'compareMunicipalities', fiscalYear: 2021 },
  { view: 'audit', code: '062073' },
];

describe('the deep links the server serves the page for', () => {
  it.each(views.map((route) => [pathOf(route)]))('serves %s, which the page reads', (path) => {
    expect(isDeepLink(path)).toBe(true);
    expect(parseRoute(path).view).not.toBe('notFound');
  });

  it.each(['/graphql', '/healthz', '/readyz', '/metrics', '/explorer/assets/graphiql.js', '/page/assets/index.js', '/06207', '/062073/nothing', '/compare/21'])(
    'leaves %s to the API',
    (path) => {
      expect(isDeepLink(path)).toBe(false);
      expect(parseRoute(path).view).toBe('notFound');
    },
  );
});
