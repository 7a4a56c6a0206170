import { parseRoute, pathOf, type Route } from './routes';

describe('the page routes', () => {
  const routes: Route[] = [
    { view: 'municipalities' },
    { view: 'plan', code: '062073' },
    { view: 'indicator', code: '062073', indicatorId: '5-1-1/NPO法人数' },
    { view: 'indicator', code: '062073', indicatorId: '地域おこし協力隊推進事業費/事業費' },
    { view: 'edition', code: '062073', edition: 2022 },
    { view: 'compareYears', code: '062073', base: 2021, compare: 2022 },
    { view: 'compareMunicipalities', fiscalYear: 2021 },
    { view: 'audit', code: '062073' },
  ];

  it.each(routes)('reads back the path it writes for %o', (route) => {
    expect(parseRoute(pathOf(route))).toEqual(route);
  });

  it('keeps an indicator id with a slash in one URL-encoded segment', () => {
    expect(pathOf({ view: 'indicator', code: '062073', indicatorId: '5-1-1/NPO法人数' })).toBe(
      '/062073/indicator/5-1-1%2FNPO%E6%B3%95%E4%BA%BA%E6%95%B0',
    );
  });

  it("writes a qualified id as the municipality's unqualified one", () => {
    expect(pathOf({ view: 'indicator', code: '062073', indicatorId: '062073:5-1-1/NPO法人数' })).toBe(
      pathOf({ view: 'indicator', code: '062073', indicatorId: '5-1-1/NPO法人数' }),
    );
  });

  it('forgives a trailing slash', () => {
    expect(parseRoute('/062073/')).toEqual({ view: 'plan', code: '062073' });
  });

  it.each(['/06207', '/062073/indicator/%E0%A4%A', '/062073/edition/22', '/graphql', '/062073/compare/2021', '/x/audit'])(
    'names no view for %s',
    (path) => {
      expect(parseRoute(path)).toEqual({ view: 'notFound', path });
    },
  );
});
