// /{code}/edition/{year}: what that edition changed in what earlier editions had stated, with a CSV.
import { editionChangesVariables, EditionChangesDocument } from '../api/operations';
import { useRequest } from '../api/use-request';
import { Layout } from '../components/Layout';
import { Answered } from '../components/Status';
import { fiscalYearLabel } from '../format/fiscal-year';
import { editionChangesCsv } from '../logic/edition-csv';
import { unqualifiedId } from '../logic/qualified-id';
import { pathOf } from '../routing/routes';
import { RevisionsTable } from './edition/RevisionsTable';

interface Named {
  id: string;
  name: string;
  measure?: { code: string } | null;
  project?: { name: string } | null;
  department?: string;
}

function NamedList({ title, items, code, link }: { title: string; items: readonly Named[]; code: string; link: 'indicator' | 'none' }) {
  return (
    <section aria-label={title}>
      <h3>{title}（{items.length}件）</h3>
      {items.length === 0 ? <p>ありません。</p> : (
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              {link === 'indicator' ? <a href={pathOf({ view: 'indicator', code, indicatorId: item.id })}>{item.name}</a> : item.name}
              {' '}<span class="meta">{item.measure?.code ?? item.project?.name ?? item.department ?? ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A measure by its code and title (titles repeat across chapters); a project by its name, which is its id. */
const moveOwner = (code: string, move: { ownerType: string; ownerId: string; title: string }) =>
  move.ownerType === 'measure' ? `施策 ${unqualifiedId(code, move.ownerId)} ${move.title}` : `事業 ${move.title}`;

export function EditionView({ code, edition }: { code: string; edition: number }) {
  const answer = useRequest(EditionChangesDocument, editionChangesVariables(code, edition));
  const title = `${fiscalYearLabel(edition)}版の変更点`;
  return (
    <Layout title={title} code={code} trail={[{ href: pathOf({ view: 'plan', code }), label: '計画' }]}>
      <Answered answer={answer} what="変更点">
        {({ editionChanges: changes, editions }) => {
          const csv = `data:text/csv;charset=utf-8,${encodeURIComponent(editionChangesCsv(changes))}`;
          const misses = changes.revisions.filter((r) => r.easedAfterMiss).length;
          return (
            <>
              <nav aria-label="ほかの版" class="pager">
                {editions.map((e) => e.fiscalYear).sort((a, b) => a - b).map((year) => (
                  <a key={year} href={pathOf({ view: 'edition', code, edition: year })} aria-current={year === edition ? 'page' : undefined}>{fiscalYearLabel(year)}</a>
                ))}
              </nav>
              <p>
                改定 {changes.revisions.length}件（うち未達後の緩和 {misses}件）、指標の追加 {changes.addedIndicators.length}件・不掲載 {changes.droppedIndicators.length}件、
                事業の追加 {changes.addedProjects.length}件・不掲載 {changes.droppedProjects.length}件、所属の変更 {changes.departmentMoves.length}件。
              </p>
              <p><a class="button" href={csv} download={`plan-ledger-${code}-edition-${edition}.csv`}>CSVをダウンロード</a></p>
              <section aria-labelledby="revisions">
                <h2 id="revisions">目標・実績の改定</h2>
                <RevisionsTable code={code} revisions={changes.revisions} />
              </section>
              <section aria-labelledby="added-dropped">
                <h2 id="added-dropped">追加と不掲載</h2>
                <NamedList title="追加された指標" items={changes.addedIndicators} code={code} link="indicator" />
                <NamedList title="掲載されなくなった指標" items={changes.droppedIndicators} code={code} link="indicator" />
                <NamedList title="追加された事業" items={changes.addedProjects} code={code} link="none" />
                <NamedList title="掲載されなくなった事業" items={changes.droppedProjects} code={code} link="none" />
              </section>
              <section aria-labelledby="moves">
                <h2 id="moves">所属の変更</h2>
                {changes.departmentMoves.length === 0 ? <p>ありません。</p> : (
                  <ul>{changes.departmentMoves.map((m) => <li key={m.ownerId}>{moveOwner(code, m)}: {m.from ?? '（なし）'} → {m.to ?? '（なし）'}</li>)}</ul>
                )}
              </section>
            </>
          );
        }}
      </Answered>
    </Layout>
  );
}
