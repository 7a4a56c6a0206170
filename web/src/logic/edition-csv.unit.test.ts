import type { EditionChangesViewQuery } from '../gql/graphql';
import { editionChangesCsv } from './edition-csv';

const changes: EditionChangesViewQuery['editionChanges'] = {
  edition: 2022,
  label: '令和4年度',
  revisions: [
    {
      indicator: { id: '5-1-1/NPO法人数', name: 'NPO法人数', unit: '団体', kind: 'OUTCOME', measure: { code: '5-1-1' }, project: null },
      fiscalYear: 2023, kind: 'TARGET', fromEdition: 2021, from: 18, fromText: '18 団体', to: 19, toText: '19 団体', delta: 1,
      eased: false, easedAfterMiss: false, reason: null,
    },
  ],
  addedIndicators: [],
  droppedIndicators: [],
  addedProjects: [{ id: '関係人口創出事業費', name: '関係人口創出事業費', department: '市政戦略課' }],
  droppedProjects: [{ id: 'まちづくり推進事業費', name: 'まちづくり推進事業費', department: '市政戦略課' }],
  departmentMoves: [{ ownerType: 'measure', ownerId: '5-3-2', title: '男女共同参画の推進', from: '市政戦略課', to: '福祉課' }],
};

describe("an edition's changes as CSV", () => {
  it('has a line per revision, addition, drop and move', () => {
    expect(editionChangesCsv(changes).split('\r\n')).toEqual([
      '\uFEFF区分,施策・事業,指標,年度,種別,変更前の版,変更前,変更後,差,緩和,未達後の緩和,理由',
      '改定,5-1-1,NPO法人数,2023,目標,2021,18 団体,19 団体,1,いいえ,いいえ,',
      '事業の追加,関係人口創出事業費,,,,,,市政戦略課',
      '事業の不掲載,まちづくり推進事業費,,,,,市政戦略課',
      '所属の変更,男女共同参画の推進,,,施策,,市政戦略課,福祉課',
      '',
    ]);
  });
});
