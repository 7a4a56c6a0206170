import { GraphQLError, buildSchema, parse, validate } from 'graphql';
import { DomainError } from '../domain/domain-error';
import { MAX_MESSAGE_LENGTH, createErrorFormatter, validationErrorCode, withoutSchemaHints } from './format-error';

const schema = buildSchema(`
  enum Kind { TARGET ACTUAL }
  input Range { from: Int! }
  type Query { values(kind: Kind, first: Int, range: Range): [Int!]! title: String }
`);
const validationErrors = (query: string) => validate(schema, parse(query));

describe('validationErrorCode', () => {
  it.each([
    ['an Int given a string', '{ values(first: "ten") }'],
    ['an unknown enum value', '{ values(kind: TARGETS) }'],
    ['a missing input field', '{ values(range: {}) }'],
    ['an unknown input field', '{ values(range: { from: 1, to: 2 }) }'],
    ['null for a non-null input field', '{ values(range: { from: null }) }'],
  ])('%s is BAD_USER_INPUT', (_name, query) => {
    const errors = validationErrors(query);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(validationErrorCode(error)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['an unknown field', '{ titel }'],
    ['an unknown argument', '{ values(last: 1) }'],
    ['a selection on a scalar', '{ title { length } }'],
  ])('%s is GRAPHQL_VALIDATION_FAILED', (_name, query) => {
    const errors = validationErrors(query);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(validationErrorCode(error)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('withoutSchemaHints', () => {
  it.each([
    ['Cannot query field "titel" on type "Query". Did you mean "title"?', 'Cannot query field "titel" on type "Query".'],
    ['Value "TARGETS" does not exist in "Kind" enum. Did you mean the enum value "TARGET"?', 'Value "TARGETS" does not exist in "Kind" enum.'],
    ['Unknown argument "lst". Did you mean "last" or "first"?', 'Unknown argument "lst".'],
    ['Nothing to hide here.', 'Nothing to hide here.'],
  ])('%s', (message, expected) => {
    expect(withoutSchemaHints(message)).toBe(expected);
  });
});

describe('createErrorFormatter', () => {
  const production = createErrorFormatter({ development: false });
  const development = createErrorFormatter({ development: true });

  it('turns a domain error into its code, field and details', () => {
    const thrown = new DomainError('CONFLICT', 'someone else wrote first', 'expectedRevision', { currentRevision: 4 });
    const located = new GraphQLError(thrown.message, { path: ['recordValue'], originalError: thrown });
    expect(production(located.toJSON(), located)).toEqual({
      message: 'someone else wrote first',
      path: ['recordValue'],
      extensions: { code: 'CONFLICT', field: 'expectedRevision', currentRevision: 4 },
    });
  });

  it('masks an unexpected error outside development only', () => {
    const thrown = new TypeError("Cannot read properties of undefined (reading 'x')");
    const located = new GraphQLError(thrown.message, { path: ['plan'], originalError: thrown });
    expect(production(located.toJSON(), located)).toEqual({ message: 'Internal server error', path: ['plan'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(development(located.toJSON(), located).message).toBe(thrown.message);
  });

  it('drops stack traces and schema hints from client errors outside development', () => {
    const error = new GraphQLError('Cannot query field "titel". Did you mean "title"?', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at x'] } });
    expect(production(error.toJSON(), error)).toEqual({ message: 'Cannot query field "titel".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(development(error.toJSON(), error).extensions).toHaveProperty('stacktrace');
  });
});

describe('messages that quote a huge input', () => {
  const format = createErrorFormatter({ development: false });
  const id = 'x'.repeat(10 * 1024 * 1024);

  it.each([
    ['a domain error', new DomainError('NOT_FOUND', `no indicator with id ${JSON.stringify(id)}`, 'id')],
    ['a graphql-js error', new GraphQLError(`Expected value of type "Int", found "${id}".`, { extensions: { code: 'BAD_USER_INPUT' } })],
  ])('%s is cut to a short prefix, saying so', (_what, error) => {
    const wrapped = error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
    const { message } = format(wrapped.toJSON(), wrapped);
    expect(message.length).toBeLessThan(MAX_MESSAGE_LENGTH + 100);
    expect(message).toMatch(/… \(\d+ more characters cut\)$/);
  });
});
