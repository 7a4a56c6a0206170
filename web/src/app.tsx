// Which view the URL names, and moving between them.
import { useEffect, useRef } from 'preact/hooks';
import { followLinksInPage, usePlace } from './routing/navigation';
import { parseRoute } from './routing/routes';
import { AuditView } from './views/AuditView';
import { CompareMunicipalitiesView } from './views/CompareMunicipalitiesView';
import { CompareYearsView } from './views/CompareYearsView';
import { EditionView } from './views/EditionView';
import { IndicatorView } from './views/IndicatorView';
import { MunicipalitiesView } from './views/MunicipalitiesView';
import { NotFoundView } from './views/NotFoundView';
import { PlanView } from './views/PlanView';

export function App() {
  const place = usePlace();
  const route = parseRoute(place.pathname);
  useEffect(() => {
    document.addEventListener('click', followLinksInPage);
    return () => document.removeEventListener('click', followLinksInPage);
  }, []);
  // After moving to another view (not on the first load, nor when only the query string changes),
  // focus its heading: a screen reader announces where the reader now is, and Tab starts from there.
  const previousPath = useRef(place.pathname);
  useEffect(() => {
    if (previousPath.current === place.pathname) return;
    previousPath.current = place.pathname;
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [place.pathname]);

  switch (route.view) {
    case 'municipalities':
      return <MunicipalitiesView search={place.search} />;
    case 'plan':
      return <PlanView code={route.code} search={place.search} />;
    case 'indicator':
      return <IndicatorView code={route.code} indicatorId={route.indicatorId} search={place.search} />;
    case 'edition':
      return <EditionView code={route.code} edition={route.edition} />;
    case 'compareYears':
      return <CompareYearsView code={route.code} base={route.base} compare={route.compare} />;
    case 'compareMunicipalities':
      return <CompareMunicipalitiesView fiscalYear={route.fiscalYear} />;
    case 'audit':
      return <AuditView code={route.code} search={place.search} />;
    case 'notFound':
      return <NotFoundView path={route.path} />;
  }
}
