import { searchPlan } from './plan-search';
import { matchesQuery } from './text-match';

const measure = (code: string, title: string, department: string | null, indicator: string, project: string) => ({
  code, title, department, indicators: [{ name: indicator }], projects: [{ name: project, department: department ?? '' }],
});

const chapters = [
  {
    number: 5,
    title: 'つながる',
    policies: [
      { code: '5-1', title: 'みんなが主役', measures: [measure('5-1-1', '多様な担い手', '市政戦略課', 'NPO法人数', '地域おこし協力隊推進事業費')] },
      { code: '5-4', title: '交流', measures: [measure('5-4-1', '国際交流', '庶務課', '学生訪問団派遣人数', '国際交流推進費')] },
    ],
  },
];

describe('searching the plan', () => {
  it('keeps measures whose indicator or project matches, and drops emptied policies', () => {
    const found = searchPlan(chapters, 'ＮＰＯ');
    expect(found.flatMap((c) => c.policies.map((p) => p.code))).toEqual(['5-1']);
  });

  it('matches codes and departments, every word required', () => {
    expect(searchPlan(chapters, '5-4-1').length).toBe(1);
    expect(searchPlan(chapters, '庶務課 国際').flatMap((c) => c.policies).length).toBe(1);
    expect(searchPlan(chapters, '庶務課 NPO')).toEqual([]);
  });

  it('keeps everything for an empty query', () => {
    expect(searchPlan(chapters, '  ')).toEqual(chapters);
  });

  it('matches full-width and half-width alike, case aside', () => {
    expect(matchesQuery('npo', ['NPO法人数'])).toBe(true);
    expect(matchesQuery('０６２０７３', ['062073'])).toBe(true);
    expect(matchesQuery('郡山', ['上山市', null])).toBe(false);
  });
});
