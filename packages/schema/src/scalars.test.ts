import { describe, it, expect } from 'vitest';
import {
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  graphql,
  parseValue as parseValueNode,
  type GraphQLScalarType,
} from 'graphql';
import {
  ALL_SCALARS,
  DmdCodeScalar,
  NHSNumberScalar,
  OdsCodeScalar,
  PcnCodeScalar,
  PrescriptionIdScalar,
  SnomedCodeScalar,
} from './scalars.js';

interface Case {
  readonly scalar: GraphQLScalarType<string, string>;
  /** [input, canonical output] */
  readonly valid: readonly (readonly [string, string])[];
  readonly invalid: readonly string[];
}

const CASES: readonly Case[] = [
  {
    scalar: NHSNumberScalar,
    valid: [
      ['9434765919', '9434765919'],
      ['943 476 5919', '9434765919'],
      ['943-476-5870', '9434765870'],
    ],
    invalid: ['9434765918', '943 476 5918', '1234567890', '943476591', 'not a number'],
  },
  {
    scalar: OdsCodeScalar,
    valid: [
      ['M81065', 'M81065'],
      [' y01234 ', 'Y01234'],
      ['12a', '12A'],
      ['U12345', 'U12345'],
    ],
    invalid: ['AB', 'M810655', 'M81-65', ''],
  },
  {
    scalar: PcnCodeScalar,
    valid: [
      ['U12345', 'U12345'],
      ['u54321', 'U54321'],
    ],
    invalid: ['Y12345', 'U1234', 'M81065'],
  },
  {
    scalar: SnomedCodeScalar,
    valid: [
      ['22298006', '22298006'],
      ['149951000000107', '149951000000107'],
      [' 404684003', '404684003'],
    ],
    invalid: ['22298007', '22298060', '1091811000000100', '022298006'],
  },
  {
    scalar: DmdCodeScalar,
    valid: [
      ['39732311000001104', '39732311000001104'],
      ['3318611000001103', '3318611000001103'],
      ['317335000', '317335000'],
    ],
    invalid: ['149951000000107', '39732311000001105', '22298007'],
  },
  {
    scalar: PrescriptionIdScalar,
    valid: [
      ['04F4C2-A99968-7F717P', '04F4C2-A99968-7F717P'],
      ['83c40e-a23856-00123w', '83C40E-A23856-00123W'],
      ['A1B2C3-Y01234-00001J', 'A1B2C3-Y01234-00001J'],
    ],
    invalid: ['DC2C66-A1B2C3-23407B', 'A1B2C3-Y01234-00001K', '04F4C2A999687F717P'],
  },
];

/** Runs `fn`, asserting it throws a BAD_USER_INPUT GraphQLError; returns the error. */
function expectBadUserInput(fn: () => unknown): GraphQLError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(GraphQLError);
  const error = thrown as GraphQLError;
  expect(error.extensions['code']).toBe('BAD_USER_INPUT');
  return error;
}

/** The message must not leak the value, even with separators removed. */
function expectNoEcho(message: string, input: string): void {
  const compact = input.replace(/[\s-]/g, '');
  if (input.trim() !== '') expect(message).not.toContain(input.trim());
  if (compact !== '') expect(message.toUpperCase()).not.toContain(compact.toUpperCase());
}

describe.each(CASES)('$scalar.name', ({ scalar, valid, invalid }) => {
  it('has a description', () => {
    expect(scalar.description?.length ?? 0).toBeGreaterThan(40);
  });

  it.each(valid)('parseValue and parseLiteral accept %j', (input, canonical) => {
    expect(scalar.parseValue(input)).toBe(canonical);
    expect(scalar.parseLiteral(parseValueNode(JSON.stringify(input)))).toBe(canonical);
    expect(scalar.serialize(input)).toBe(canonical);
  });

  it.each(invalid)('rejects %j without echoing it', (input) => {
    const fromValue = expectBadUserInput(() => scalar.parseValue(input));
    expect(fromValue.message.startsWith(`${scalar.name}: `)).toBe(true);
    expectNoEcho(fromValue.message, input);
    const fromLiteral = expectBadUserInput(() => scalar.parseLiteral(parseValueNode(JSON.stringify(input))));
    expectNoEcho(fromLiteral.message, input);
  });

  it('rejects non-string values and literals', () => {
    for (const value of [9434765919, 22298006, null, undefined, true, {}, ['M81065']]) {
      const error = expectBadUserInput(() => scalar.parseValue(value));
      expect(error.message).not.toContain('9434765919');
    }
    for (const literal of ['9434765919', '22298006', 'true', 'null', 'M81065', '["M81065"]', '{a: "b"}']) {
      const error = expectBadUserInput(() => scalar.parseLiteral(parseValueNode(literal)));
      expect(error.message).toContain('string literal');
      expect(error.message).not.toContain('9434765919');
    }
  });

  it('refuses to serialise an invalid value, without echoing it', () => {
    for (const value of [...invalid, 42]) {
      expect(() => scalar.serialize(value)).toThrow(GraphQLError);
    }
    try {
      scalar.serialize(invalid[0]);
    } catch (err) {
      expect((err as GraphQLError).extensions['code']).toBe('INTERNAL_SERVER_ERROR');
      expectNoEcho((err as GraphQLError).message, invalid[0]!);
    }
  });
});

describe('NHSNumber messages', () => {
  it('names the scalar and the rule', () => {
    const error = expectBadUserInput(() => NHSNumberScalar.parseValue('9434765918'));
    expect(error.message).toBe('NHSNumber: expected 10 digits with a valid modulus 11 check digit');
  });
});

describe('ALL_SCALARS', () => {
  it('lists the six scalars with distinct names', () => {
    expect(ALL_SCALARS.map((s) => s.name)).toEqual([
      'NHSNumber',
      'OdsCode',
      'PcnCode',
      'SnomedCode',
      'DmdCode',
      'PrescriptionId',
    ]);
  });
});

describe('scalars in an executed schema', () => {
  const schema = new GraphQLSchema({
    types: [...ALL_SCALARS],
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echo: {
          type: NHSNumberScalar,
          args: { nhs: { type: NHSNumberScalar } },
          resolve: (_root, args: { nhs: string }) => args.nhs,
        },
      },
    }),
  });

  it('canonicalises a spaced literal', async () => {
    const result = await graphql({ schema, source: '{ echo(nhs: "943 476 5919") }' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ echo: '9434765919' });
  });

  it('reports a bad literal as BAD_USER_INPUT without the value', async () => {
    const result = await graphql({ schema, source: '{ echo(nhs: "943 476 5918") }' });
    const error = result.errors?.[0];
    expect(error?.extensions['code']).toBe('BAD_USER_INPUT');
    expect(error?.message).not.toContain('5918');
  });

  it('keeps the code and a safe message on the original error for a bad variable', async () => {
    const result = await graphql({
      schema,
      source: 'query ($n: NHSNumber) { echo(nhs: $n) }',
      variableValues: { n: '9434765918' },
    });
    const error = result.errors?.[0];
    expect(error?.extensions['code']).toBe('BAD_USER_INPUT');
    // graphql-js 16 prefixes variable errors with `Variable "$n" got invalid value "…"`, so the
    // server's error formatter must report originalError.message, which is safe.
    expect(error?.originalError?.message).toBe('NHSNumber: expected 10 digits with a valid modulus 11 check digit');
  });
});
