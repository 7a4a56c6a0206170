// Generators of hostile requests for the fuzz test: broken bodies, wrong types, extreme values, and
// random operations built from the schema whose arguments are of the wrong type.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { pickFrom } from '../support/reliability';
import type { RawRequest } from '../support/reliability';

export type Random = () => number;

/** What a hostile request is, and what it may at best be answered with. */
export interface HostileCase {
  category: string;
  request: RawRequest;
  /** A read that may be answered with data; everything else must be refused. */
  mayAnswerData: boolean;
}

export const KNOWN_IDS = ['5-1-1/NPO法人数', '5-1-1', '地域おこし協力隊推進事業費', '国際交流推進費/従事人工', 'まちづくり推進事業費/事業費'];

export const NASTY_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  "1' UNION SELECT hash FROM events --",
  'Robert\'); DELETE FROM rm_value_current; --',
  '%',
  '_',
  '\\',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '𠮷野家',
  '\u202e\u0644\u0627',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '5-1-1/../../events',
  'indicator-5-1-1/NPO法人数',
  'a'.repeat(10_000),
  '🙂'.repeat(2_000),
  '0x7fffffff',
  'NaN',
  'Infinity',
  '-0',
  '1e400',
];

/** Numbers a client might send as a value: none is a finite JSON number or GraphQL Float (1e400 parses to Infinity). */
const NOT_FINITE_NUMBERS = ['NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '0x10', '1_000', '.5', '5.', '+1', '01', '1e', '--1'];
/** Numbers a client might send as a fiscal year: none is a year the ledger accepts (1989-2100), or an Int at all. */
const NOT_A_YEAR = [...NOT_FINITE_NUMBERS, '1e-400', '-0', '2147483648', '-2147483649', '99999', '-1', '9007199254740993', '2021.5', '1988', '2101'];

/** A GraphQL string literal for any text. */
const literal = (text: string): string => JSON.stringify(text);

/** A value of the right type, as a GraphQL literal (extreme values included). */
function goodLiteral(type: GraphQLInputType, random: Random, depth = 0): string {
  if (isNonNullType(type)) return goodLiteral(type.ofType, random, depth);
  if (isListType(type)) return `[${Array.from({ length: Math.floor(random() * 3) }, () => goodLiteral(type.ofType, random, depth + 1)).join(', ')}]`;
  if (isEnumType(type)) return pickFrom(random, type.getValues()).name;
  if (isInputObjectType(type)) {
    if (depth > 3) return '{}';
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || random() < 0.5);
    return `{ ${fields.map((f) => `${f.name}: ${goodLiteral(f.type, random, depth + 1)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'Int':
      return String(pickFrom(random, [2021, 2022, 2023, 0, -1, 1989, 2100, 99999, -2147483648, 2147483647]));
    case 'Float':
      return pickFrom(random, ['0', '17', '-3.5', '1e308', '-0.0', '0.1', '99999']);
    case 'Boolean':
      return random() < 0.5 ? 'true' : 'false';
    case 'ID':
      return literal(pickFrom(random, [...KNOWN_IDS, ...NASTY_STRINGS.slice(0, 12)]));
    case 'DateTimeISO':
      return literal(pickFrom(random, ['2026-11-24T00:00:00Z', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2021-02-30T00:00:00Z', 'yesterday']));
    default:
      return literal(pickFrom(random, [...KNOWN_IDS, ...NASTY_STRINGS]));
  }
}

/** A literal that cannot be coerced to `type`, wherever it is placed. */
function wrongLiteral(type: GraphQLInputType, random: Random, depth = 0): string {
  if (isNonNullType(type)) return random() < 0.25 ? 'null' : wrongLiteral(type.ofType, random, depth);
  if (isListType(type)) return random() < 0.5 ? `[${wrongLiteral(type.ofType, random, depth + 1)}]` : wrongLiteral(type.ofType, random, depth + 1);
  if (isEnumType(type)) return pickFrom(random, ['"ACTUAL"', '1', 'true', 'SOMETIMES', 'actual', '{ kind: ACTUAL }', '[TARGET, 3]']);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const choice = random();
    if (choice < 0.3) return pickFrom(random, ['1', '"an object"', 'true', 'ACTUAL', '[1, 2]']);
    if (choice < 0.45) return `{ ${fields.filter((f) => !isNonNullType(f.type)).map((f) => `${f.name}: ${goodLiteral(f.type, random, depth + 1)}`).join(', ')} nonexistentField: 1 }`;
    // Every field present and right but one, which is wrong.
    const broken = pickFrom(random, fields);
    return `{ ${fields
      .filter((f) => f === broken || isNonNullType(f.type) || random() < 0.5)
      .map((f) => `${f.name}: ${f === broken ? wrongLiteral(f.type, random, depth + 1) : goodLiteral(f.type, random, depth + 1)}`)
      .join(', ')} }`;
  }
  switch (type.name) {
    case 'Int':
      return pickFrom(random, ['"2021"', '2021.5', 'true', 'TARGET', '{ year: 2021 }', '2147483648', '-2147483649', '1e3', '99999999999999999999', 'NaN', 'Infinity']);
    case 'Float':
      return pickFrom(random, ['"17"', 'true', 'NaN', 'Infinity', '-Infinity', 'ACTUAL', '{ value: 1 }', '"1e400"', '["1"]']);
    case 'Boolean':
      return pickFrom(random, ['1', '"true"', 'TRUE', '0', 'null_']);
    case 'ID':
      return pickFrom(random, ['true', '1.5', 'ACTUAL', '{ id: "5-1-1" }', '[true]']);
    case 'DateTimeISO':
      return pickFrom(random, ['20211', 'true', '"yesterday"', '"2021-13-45T99:99:99Z"', '"0000-00-00"', '{ at: 1 }', '"1e400"']);
    default:
      return pickFrom(random, ['1', '2.5', 'true', 'ACTUAL', '{ text: "x" }', '[1]']);
  }
}

/** A JSON value that cannot be coerced to `type`, for a variable. */
function wrongJson(type: GraphQLInputType, random: Random): unknown {
  const named = getNamedType(type);
  if (isNonNullType(type) && random() < 0.2) return null;
  if (isInputObjectType(named)) {
    return pickFrom(random, [42, 'an object', [1, 2], true, { nonexistent: 1 }, { indicatorId: 5, fiscalYear: '2021', kind: 'SOMETIMES', reason: [] }]);
  }
  if (isEnumType(named)) return pickFrom(random, ['SOMETIMES', 0, true, ['ACTUAL', 1], { kind: 'ACTUAL' }]);
  switch (named.name) {
    case 'Int':
      return pickFrom(random, ['2021', 2021.5, true, 2 ** 31, -(2 ** 31) - 1, 1e400, [2021, 'x'], { y: 1 }, Number.MAX_SAFE_INTEGER * 4]);
    case 'Float':
      return pickFrom(random, ['17', true, 1e400, -1e400, [1, 'x'], { v: 1 }, 'NaN']);
    case 'Boolean':
      return pickFrom(random, [1, 'true', 0, [true, 1]]);
    case 'ID':
      return pickFrom(random, [true, 1.5, { id: 1 }, [true]]);
    default:
      return pickFrom(random, [1, 2.5, true, { s: 1 }, [1, { x: true }]]);
  }
}

function selection(type: GraphQLObjectType, random: Random, depth: number, broken: { count: number }): string {
  const fields = Object.values(type.getFields());
  const chosen = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pickFrom(random, fields));
  const parts = chosen.map((field) => fieldText(field, random, depth, broken));
  if (random() < 0.05) {
    broken.count += 1;
    parts.push(pickFrom(random, ['nonexistentField', '__schema { types { name } }', 'id(x: 1)', '... on Nope { a }', '...Missing']));
  }
  return `{ ${parts.join(' ')} }`;
}

function fieldText(field: GraphQLField<unknown, unknown>, random: Random, depth: number, broken: { count: number }): string {
  const args = field.args.length ? `(${argumentsText(field.args, random, broken, 0.3)})` : '';
  const named = getNamedType(field.type);
  const alias = random() < 0.1 ? `a${Math.floor(random() * 1000)}: ` : '';
  if (isLeafType(named)) {
    if (random() < 0.03) {
      broken.count += 1;
      return `${alias}${field.name}${args} { name }`;
    }
    return `${alias}${field.name}${args}`;
  }
  if (!isObjectType(named)) return `${alias}${field.name}${args} { __typename }`;
  if (depth <= 0) return `${alias}${field.name}${args} { __typename }`;
  return `${alias}${field.name}${args} ${selection(named, random, depth - 1, broken)}`;
}

function argumentsText(args: readonly GraphQLArgument[], random: Random, broken: { count: number }, wrongChance: number): string {
  return args
    .filter((arg) => isNonNullType(arg.type) || random() < 0.6)
    .map((arg) => {
      if (random() < wrongChance) {
        broken.count += 1;
        return `${arg.name}: ${wrongLiteral(arg.type, random)}`;
      }
      return `${arg.name}: ${goodLiteral(arg.type, random)}`;
    })
    .join(', ');
}

/**
 * A random operation from the schema. Every mutation has at least one argument of the wrong type (or a
 * variable whose value is), so none may be accepted; queries may be valid, and then may answer data.
 */
export function randomOperation(schema: GraphQLSchema, random: Random): { query: string; variables?: Record<string, unknown>; mutation: boolean } {
  const mutation = random() < 0.4;
  const root = mutation ? schema.getMutationType() : schema.getQueryType();
  if (!root) throw new Error('no root type');
  const field = pickFrom(random, Object.values(root.getFields()));
  const broken = { count: 0 };
  const depth = Math.floor(random() * 4);
  const named = getNamedType(field.type);
  const body = isObjectType(named) ? ` ${selection(named, random, depth, broken)}` : '';

  // A third of the time the wrong value travels in a variable instead of a literal.
  if (field.args.length > 0 && random() < 0.33) {
    const arg = pickFrom(random, field.args);
    const others = field.args.filter((a) => a !== arg);
    const rest = argumentsText(others, random, broken, mutation ? 0 : 0.2);
    const variableType = String(arg.type);
    return {
      query: `${mutation ? 'mutation' : 'query'} Fuzz($v: ${variableType}) { ${field.name}(${[`${arg.name}: $v`, rest].filter(Boolean).join(', ')})${body} }`,
      variables: { v: wrongJson(arg.type, random) },
      mutation,
    };
  }
  let args = argumentsText(field.args, random, broken, mutation ? 0.5 : 0.3);
  if (mutation && broken.count === 0) {
    const arg = pickFrom(random, field.args);
    args = [`${arg.name}: ${wrongLiteral(arg.type, random)}`, argumentsText(field.args.filter((a) => a !== arg), random, broken, 0)].filter(Boolean).join(', ');
  }
  return { query: `${mutation ? 'mutation' : 'query'} { ${field.name}${args ? `(${args})` : ''}${body} }`, mutation };
}

/** The scalar and input types appear as nested as clients could make them. */
export const isScalarLike = (type: GraphQLInputType): boolean => isScalarType(getNullableType(type));

export function jsonBody(query: string, variables?: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, ...(variables === undefined ? {} : { variables }), ...extra });
}

const RECORD = `mutation($input: RecordValueInput!) { recordValue(input: $input) { id } }`;

/** A recordValue input that is invalid in exactly one way (the server must refuse it whoever asks). */
export function invalidRecordInput(random: Random): { input: Record<string, unknown>; flaw: string } {
  const input: Record<string, unknown> = { indicatorId: '5-1-1/NPO法人数', fiscalYear: 2024, kind: 'ACTUAL', value: 18, reason: 'fuzz' };
  const flaws: Array<[string, () => void]> = [
    ['fiscal year 99999', () => (input['fiscalYear'] = 99999)],
    ['fiscal year -1', () => (input['fiscalYear'] = -1)],
    ['fiscal year 1988', () => (input['fiscalYear'] = 1988)],
    ['fiscal year 2.5', () => (input['fiscalYear'] = 2024.5)],
    ['fiscal year as text', () => (input['fiscalYear'] = '2024')],
    ['negative staff-years', () => Object.assign(input, { indicatorId: 'まちづくり推進事業費/従事人工', value: -(1 + Math.floor(random() * 50)) / 10 })],
    ['negative cost', () => Object.assign(input, { indicatorId: 'まちづくり推進事業費/事業費', value: -6160 })],
    ['unknown indicator', () => (input['indicatorId'] = `unknown/${Math.floor(random() * 1e6)}`)],
    ['SQL-looking indicator', () => (input['indicatorId'] = pickFrom(random, NASTY_STRINGS.slice(2, 6)))],
    ['empty indicator', () => (input['indicatorId'] = '')],
    ['blank reason', () => (input['reason'] = pickFrom(random, ['', ' ', '\u3000', '\n\t']))],
    ['no value and no text', () => delete input['value']],
    ['value Infinity (1e400)', () => (input['value'] = 1e400)],
    ['value as text', () => (input['value'] = '18')],
    ['value NaN as text', () => (input['value'] = 'NaN')],
    ['kind unknown', () => (input['kind'] = pickFrom(random, ['SOMETIMES', 'actual', '', 'TARGET ']))],
    ['reason a list', () => (input['reason'] = ['a', 'b'])],
    ['huge list value', () => (input['value'] = Array.from({ length: 50_000 }, (_, i) => i))],
    ['nested object value', () => (input['value'] = { value: { value: 1 } })],
    ['unknown field', () => (input['deleteEverything'] = true)],
    ['stale expectedRevision', () => (input['expectedRevision'] = -5)],
    ['expectedRevision as text', () => (input['expectedRevision'] = 'latest')],
    ['expectedRevision overflow', () => (input['expectedRevision'] = 2 ** 40)],
  ];
  const [flaw, apply] = pickFrom(random, flaws);
  apply();
  return { input, flaw };
}

export function recordValueBody(input: unknown): string {
  return jsonBody(RECORD, { input });
}

/** Nested JSON arrays `depth` deep, as text. */
export const deepJson = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Bytes that are not UTF-8 (lone continuation bytes, overlong encodings, surrogates, truncated sequences). */
export const INVALID_UTF8: readonly Buffer[] = [
  Buffer.from([0xff, 0xfe, 0xfd]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
  Buffer.from([0x80]),
  Buffer.from([0xe3, 0x81]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
];

export const WEIRD_NUMBERS = { notFinite: NOT_FINITE_NUMBERS, notAYear: NOT_A_YEAR };
