import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';

const samples: unknown[] = [
  null,
  0,
  -0,
  1e21,
  1.5e-7,
  123.456,
  'plain',
  'quote " backslash \\ newline \n tab \t control \u0001 emoji 😀 全角',
  true,
  [],
  {},
  [1, 'a', null, undefined, { b: 2, a: 1 }],
  { z: 1, a: { y: [3, 2, 1], b: null }, m: undefined, 'é': 'accent', '10': 'ten', '9': 'nine', A: 'upper' },
  { date: new Date('2021-04-01T00:00:00.000Z') },
  {
    id: '0b7e1c2a-1111-4222-8333-444455556666',
    streamId: 'indicator-5-1-1/NPO法人数',
    streamRevision: 3,
    position: 42,
    type: 'TargetRevised',
    version: 1,
    data: { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2023, value: 18, text: '18 団体', previousValue: 17, previousText: null, effectiveEdition: 2022 },
    metadata: { actor: 'cli:root', reason: 'import', edition: 2022, source: { sha256: 'ab', line: 12 }, correlationId: 'c', causationId: null },
    recordedAt: '2026-11-24T15:00:00.000Z',
  },
];

describe('canonicalJson', () => {
  it.each(samples.map((sample) => [JSON.stringify(sample) ?? String(sample), sample]))('writes %s exactly as canonicalize does', (_, sample) => {
    expect(canonicalJson(sample)).toBe(canonicalize(sample));
  });

  it('refuses what RFC 8785 cannot write', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow();
    expect(canonicalJson(undefined)).toBeUndefined();
  });
});
