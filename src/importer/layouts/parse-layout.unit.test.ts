import { parseLayout } from './parse-layout';
import { SHIPPED_LAYOUTS, shippedLayout } from './shipped-layouts';

const MINIMAL = `name: minimal
version: 1
header_rows: { from: 1, to: 1 }
fields:
  owner_type: { fixed: measure }
  owner: { column: A }
  indicator: { column: B }
  kind: { column: C }
values:
  orientation: wide
  columns: D:G
`;

describe('parseLayout', () => {
  it.each(SHIPPED_LAYOUTS.map((layout) => [layout.name, layout]))('parses the shipped layout %s', (_name, layout) => {
    expect(parseLayout(layout.text, layout.file).name).not.toBe('');
  });

  it('finds shipped layouts by name, with or without .yaml', () => {
    expect(shippedLayout('stacked-target-actual.yaml')?.file).toBe('stacked-target-actual.yaml');
    expect(shippedLayout('nope')).toBeNull();
  });

  it('reads JSON as well as YAML, and keeps a plain code with a leading zero as the code it is', () => {
    const json = JSON.stringify({ ...parseLayout(MINIMAL, 'm.yaml'), fields: { ...parseLayout(MINIMAL, 'm.yaml').fields, municipality: { fixed: '062073' } } });
    expect(parseLayout(json, 'm.json').fields.municipality).toEqual({ fixed: '062073' });
    expect(parseLayout(`${MINIMAL.replace('fields:\n', 'fields:\n  municipality: { fixed: 062073 }\n')}`, 'm.yaml').fields.municipality).toEqual({ fixed: '062073' });
  });

  it.each([
    ['YAML that does not parse', MINIMAL.replace('columns: D:G', 'columns: [D:G'), /^m\.yaml:1[12]: expected YAML or JSON/],
    ['a misspelt key', MINIMAL.replace('  indicator:', '  indicater:'), /^m\.yaml:7: fields: expected only the keys a layout knows here \(a misspelt key\?\), found "indicater"/],
    ['a column that is not a column', MINIMAL.replace('owner: { column: A }', 'owner: { column: A1 }'), /^m\.yaml:6: fields\.owner\.column: expected a column letter such as C, found "A1"/],
    ['two sources for one field', MINIMAL.replace('owner: { column: A }', 'owner: { column: A, fixed: x }'), /^m\.yaml:6: fields\.owner: expected exactly one of fixed, cell or column/],
    ['a kind the reader does not know', MINIMAL.replace('kind: { column: C }', 'kind: { fixed: 成果 }'), /^m\.yaml:8: fields\.kind\.fixed: expected OUTCOME, ACTIVITY/],
    ['a municipality that is none', MINIMAL.replace('fields:\n', "fields:\n  municipality: { fixed: '062074' }\n"), /^m\.yaml:5: fields\.municipality\.fixed: expected 062074 is not a municipality code/],
    ['a missing required field', MINIMAL.replace('  indicator: { column: B }\n', ''), /^m\.yaml:4: fields: expected a source for indicator/],
    ['a long layout without fiscal_year', MINIMAL.replace('orientation: wide\n  columns: D:G', 'orientation: long\n  target: D'), /^m\.yaml:4: fields: expected a source for fiscal_year/],
    ['a wide layout with fiscal_year', MINIMAL.replace('fields:\n', 'fields:\n  fiscal_year: { column: Z }\n'), /^m\.yaml:5: fields\.fiscal_year: expected no fiscal_year field in a wide layout/],
    ['a range running right to left', MINIMAL.replace('D:G', 'G:D'), /^m\.yaml:11: values\.columns: expected a range from left to right/],
    ['a pattern that does not compile', MINIMAL.replace('owner: { column: A }', "owner: { column: A, pattern: '(' }"), /^m\.yaml:6: fields\.owner\.pattern: expected a regular expression JavaScript can compile/],
    ['a code mapping on a field that is no code', MINIMAL.replace('indicator: { column: B }', "indicator: { column: B, code: '(\\d)' }"), /^m\.yaml:7: fields\.indicator\.code: expected code only on owner or measures/],
    ['an unknown orientation', MINIMAL.replace('orientation: wide', 'orientation: diagonal'), /^m\.yaml:10: values\.orientation: expected orientation: wide or long|^m\.yaml:\d+: values/],
    ['an alias', MINIMAL.replace('owner: { column: A }', 'owner: &o { column: A }').replace('indicator: { column: B }', 'indicator: *o'), /^m\.yaml:7: expected a value written out \(a layout uses no YAML aliases\)/],
    ['a key that would be a prototype', MINIMAL.replace('  owner: { column: A }', '  owner: { column: A, __proto__: { fixed: x } }'), /^m\.yaml:6: fields\.owner: expected only the keys a layout knows here \(a misspelt key\?\), found "__proto__"/],
    ['a list where the layout is', '- a\n- b\n', /^m\.yaml:1: expected a mapping of keys to values, found/],
    ['an edition in no notation', MINIMAL.replace('fields:\n', 'fields:\n  edition: { fixed: 来年 }\n'), /^m\.yaml:5: fields\.edition\.fixed: expected a fiscal year/],
  ])('refuses %s, naming the layout file and line', (_case, text, message) => {
    expect(() => parseLayout(text, 'm.yaml')).toThrow(message);
  });
});
