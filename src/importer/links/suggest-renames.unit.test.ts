import { nameSimilarity, suggestRenames } from './suggest-renames';

describe('nameSimilarity', () => {
  it.each([
    ['NPO法人数', 'ＮＰＯ法人数', 1],
    ['まちづくり講座（年間）', 'まちづくり講座 年間', 1],
    ['NPO法人数', 'NPO法人の数', 0.727],
    ['自治会加入率', '自治会への加入率', 0.667],
    ['市民浸透度', '第7次上山市振興計画の市民浸透度', 0.75],
    ['NPO法人数', '除雪出動回数', 0],
  ])('%s ~ %s: %d', (a, b, similarity) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(similarity, 3);
  });

  it('does not let a short name inside a long one count as alike', () => {
    expect(nameSimilarity('件数', '相談件数')).toBeLessThan(0.75);
  });
});

describe('suggestRenames', () => {
  const r4 = [
    { owner: '5-1-1', name: 'NPO法人数' },
    { owner: '5-1-1', name: '市民浸透度' },
    { owner: '5-1-1', name: '講座開催回数' },
    { owner: '5-1-2', name: '自治会加入率' },
    { owner: '国際交流推進費', name: '交流事業参加者数' },
  ];
  const r5 = [
    { owner: '5-1-1', name: 'NPO法人の数' },
    { owner: '5-1-1', name: '第7次上山市振興計画の市民浸透度' },
    { owner: '5-1-1', name: '講座開催回数' },
    { owner: '5-1-2', name: '自治会への加入率' },
    { owner: '5-1-3', name: '交流事業参加者数' },
    { owner: '国際交流推進費', name: '姉妹都市訪問者数' },
  ];

  it('pairs each indicator gone with the most alike new one of the same owner, leaving unchanged and unlike ones alone', () => {
    expect(suggestRenames(r4, r5).map((s) => [s.from.owner, s.from.name, s.to.name, s.similarity])).toEqual([
      ['5-1-1', '市民浸透度', '第7次上山市振興計画の市民浸透度', 0.75],
      ['5-1-1', 'NPO法人数', 'NPO法人の数', 0.727],
      ['5-1-2', '自治会加入率', '自治会への加入率', 0.667],
    ]);
  });

  it('never pairs across owners (交流事業参加者数 moved to another measure is not a rename), and suggests each name once', () => {
    const twice = suggestRenames([{ owner: 'a', name: '参加者数' }, { owner: 'a', name: '参加人数' }], [{ owner: 'a', name: '参加者の数' }]);
    expect(twice).toHaveLength(1);
    expect(twice[0]?.from.name).toBe('参加者数');
    expect(suggestRenames(r4, r5).some((s) => s.from.name === '交流事業参加者数')).toBe(false);
  });

  it('takes a stricter threshold when asked, and suggests nothing between identical lists', () => {
    expect(suggestRenames(r4, r5, 0.7).map((s) => s.from.name)).toEqual(['市民浸透度', 'NPO法人数']);
    expect(suggestRenames(r4, r4)).toEqual([]);
  });
});
