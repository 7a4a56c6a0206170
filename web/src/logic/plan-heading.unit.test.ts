import { planHeading } from './plan-heading';

describe("the plan view's heading", () => {
  it("puts the municipality's name before the plan's title", () => {
    expect(planHeading('072036', '郡山市', '第五次総合計画')).toBe('郡山市 第五次総合計画');
  });

  it('does not repeat a name the title already holds', () => {
    expect(planHeading('062073', '上山市', '第7次上山市振興計画')).toBe('第7次上山市振興計画');
  });

  it('names the municipality while the plan loads, or when its report states no title', () => {
    expect(planHeading('062073', '上山市', null)).toBe('上山市の計画');
  });

  it('falls back to the code before the name is known', () => {
    expect(planHeading('062073', null, null)).toBe('団体コード 062073の計画');
  });
});
