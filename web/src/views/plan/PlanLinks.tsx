// From the plan to the other views of this municipality: each edition's changes, the latest two years
// compared, and the municipalities compared in the latest year.
import { fiscalYearLabel } from '../../format/fiscal-year';
import { pathOf } from '../../routing/routes';

export function PlanLinks({ code, editions }: { code: string; editions: ReadonlyArray<{ fiscalYear: number }> }) {
  const years = editions.map((e) => e.fiscalYear).sort((a, b) => a - b);
  const latest = years[years.length - 1];
  return (
    <nav aria-labelledby="plan-links" class="plan-links">
      <h2 id="plan-links">報告書の版と比較</h2>
      <ul>
        {years.map((year) => (
          <li key={year}><a href={pathOf({ view: 'edition', code, edition: year })}>{fiscalYearLabel(year)}版の変更点</a></li>
        ))}
        {latest !== undefined && (
          <>
            <li><a href={pathOf({ view: 'compareYears', code, base: latest - 1, compare: latest })}>{fiscalYearLabel(latest - 1)}と{fiscalYearLabel(latest)}の比較</a></li>
            <li><a href={pathOf({ view: 'compareMunicipalities', fiscalYear: latest })}>{fiscalYearLabel(latest)}の自治体比較</a></li>
          </>
        )}
      </ul>
    </nav>
  );
}
