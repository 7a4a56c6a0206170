import { qualifiedId, unqualifiedId } from './qualified-id';

describe("ids qualified by their municipality's code", () => {
  it('qualifies the id a deep link carries with the code the link names', () => {
    expect(qualifiedId('062073', '5-1-1/NPO法人数')).toBe('062073:5-1-1/NPO法人数');
    expect(qualifiedId('072036', '地域おこし協力隊推進事業費/事業費')).toBe('072036:地域おこし協力隊推進事業費/事業費');
  });

  it('does not qualify an id twice', () => {
    expect(qualifiedId('062073', '062073:5-1-1/NPO法人数')).toBe('062073:5-1-1/NPO法人数');
  });

  it("drops only the given municipality's code", () => {
    expect(unqualifiedId('062073', '062073:5-1-1/NPO法人数')).toBe('5-1-1/NPO法人数');
    expect(unqualifiedId('062073', '072036:5-1-1/NPO法人数')).toBe('072036:5-1-1/NPO法人数');
    expect(unqualifiedId('062073', '5-1-1/NPO法人数')).toBe('5-1-1/NPO法人数');
  });

  it('keeps the point in time a past view’s id carries', () => {
    expect(unqualifiedId('062073', '062073:5-1-1/NPO法人数@edition=2021')).toBe('5-1-1/NPO法人数@edition=2021');
    expect(qualifiedId('062073', '5-1-1/NPO法人数@edition=2021')).toBe('062073:5-1-1/NPO法人数@edition=2021');
  });
});
