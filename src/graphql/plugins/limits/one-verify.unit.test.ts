import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { oneVerifyPerRequestRule } from './one-verify';

const schema = buildSchema('type V { ok: Boolean } type Query { verifyLedger(full: Boolean): V, other: Int }');
const errors = (query: string) => validate(schema, parse(query), [...specifiedRules, oneVerifyPerRequestRule]);

describe('one verifyLedger per request', () => {
  it('lets one through, with other fields', () => {
    expect(errors('{ verifyLedger(full: true) { ok } other }')).toEqual([]);
    expect(errors('query A { verifyLedger { ok } } query B { verifyLedger { ok } }')).toEqual([]);
  });

  it.each([
    ['aliases', '{ a: verifyLedger { ok } b: verifyLedger(full: true) { ok } }', 2],
    ['an inline fragment', '{ verifyLedger { ok } ... on Query { verifyLedger { ok } } }', 2],
    ['a fragment spread twice', '{ ...F ...F } fragment F on Query { verifyLedger { ok } }', 2],
    ['nine aliases', `{ ${Array.from({ length: 9 }, (_, i) => `v${i}: verifyLedger { ok }`).join(' ')} }`, 9],
  ])('refuses %s, naming the field and the count', (_what, query, count) => {
    const found = errors(query).filter((e) => e.extensions['field'] === 'verifyLedger');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`asks it ${count} times`);
    expect(found[0]!.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

it('counts a fragment bomb in linear time', () => {
  const depth = 60;
  const fragments = Array.from({ length: depth }, (_, i) => `fragment F${i} on Query { ${i + 1 < depth ? `...F${i + 1} ...F${i + 1}` : 'other'} }`).join(' ');
  const started = Date.now();
  validate(schema, parse(`{ ...F0 } ${fragments}`), [oneVerifyPerRequestRule]);
  expect(Date.now() - started).toBeLessThan(1000);
});
