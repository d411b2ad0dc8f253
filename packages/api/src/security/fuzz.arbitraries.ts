/**
 * fast-check generators for fuzzing the running hub over HTTP and graphql-ws: operations derived
 * from the real schema (random root fields, argument values of the right and the wrong types, as
 * literals and as variables), hostile documents, transports and raw graphql-ws protocol frames,
 * and the callers that send them. Pure generators: nothing here talks to a hub (see
 * fuzz.int.test.ts). Every value is printable, so a shrunk counterexample can be replayed by hand;
 * large payloads are described as {@link Text} recipes rather than spelled out.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLSchema,
} from 'graphql';
import { syntheticNhsNumber } from '@pcn-hub/schema';

// ---------------------------------------------------------------------------------------------
// Shapes

/**
 * Text, or a recipe for a large one: parts joined, a `[unit, times]` part repeated (`{i}` in the
 * unit becomes the repetition's index), so counterexamples stay short.
 */
export type Text = string | { readonly parts: readonly (string | readonly [string, number])[] };

/** Spells out a {@link Text}. */
export function renderText(text: Text): string {
  if (typeof text === 'string') return text;
  return text.parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const [unit, times] = part;
      if (!unit.includes('{i}')) return unit.repeat(times);
      return Array.from({ length: times }, (_, i) => unit.replaceAll('{i}', String(i))).join('');
    })
    .join('');
}

/** Builds a {@link Text} recipe. */
export function recipe(...parts: (string | readonly [string, number])[]): Text {
  return { parts };
}

/** A repeated part of a {@link Text} recipe. */
export const rep = (unit: string, times: number): readonly [string, number] => [unit, times];

/** True for a {@link Text} recipe (an object whose only key is `parts`, an array). */
export function isTextRecipe(value: unknown): value is Exclude<Text, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    Array.isArray((value as { parts?: unknown }).parts)
  );
}

/** Who sends a request. Tokens are made by the runner (it holds the hub's key). */
export type Principal =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'user'; readonly username: string }
  | { readonly kind: 'expired'; readonly username: string }
  | { readonly kind: 'forged'; readonly username: string; readonly how: ForgeryKind }
  /** Signed with the hub's own key, with claims that should not pass (unknown org, misfit roles...). */
  | { readonly kind: 'claims'; readonly sub: string; readonly org: string; readonly roles: readonly string[] }
  /** A raw Authorization header. */
  | { readonly kind: 'raw'; readonly authorization: string }
  /** A made-up plugin API key, `pcnhub_<random>_<random>`. */
  | { readonly kind: 'pluginKey'; readonly key: string }
  /** A real plugin API key: the `index`th of {@link FuzzSeeds.pluginKeys}. */
  | { readonly kind: 'plugin'; readonly index: number };

export const FORGERIES = [
  'other-secret',
  'alg-none',
  'tampered-payload',
  'truncated-signature',
  'long-lifetime',
  'issued-in-future',
  'wrong-issuer',
  'wrong-audience',
  'hs512',
  'no-exp',
] as const;
export type ForgeryKind = (typeof FORGERIES)[number];

/** A principal plus the caller hints a plugin would send. */
export interface Caller {
  readonly principal: Principal;
  /** `x-pcn-hub-organisation` (HTTP) / `organisation` connection param (graphql-ws). */
  readonly organisation?: string;
  /** `x-pcn-hub-on-behalf-of` / `onBehalfOf`. */
  readonly onBehalfOf?: string;
}

/** A GraphQL request payload; hostile ones put anything anywhere. */
export interface GqlPayload {
  /** A string, a {@link Text} recipe, or anything at all. */
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
  readonly extensions?: unknown;
}

/** One HTTP request. */
export interface HttpCase {
  /** Which generator made it (failures are classified by it). */
  readonly label: string;
  readonly caller: Caller;
  readonly method: string;
  /** Path and query string, e.g. `/graphql?query=...`. */
  readonly path: string;
  /** undefined: application/json when there is a body; null: no content-type header at all. */
  readonly contentType?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: { readonly json: unknown } | { readonly text: Text };
}

/** One raw HTTP/1.1 exchange over a TCP socket (malformed requests fetch would not send). */
export interface RawHttpCase {
  readonly label: string;
  readonly request: Text;
  /** A complete request: the server must answer it (an incomplete one may be left waiting). */
  readonly complete: boolean;
}

/** One operation over graphql-ws through the graphql-ws client. */
export interface WsCase {
  readonly label: string;
  readonly caller: Caller;
  readonly payload: {
    readonly query: Text;
    readonly variables?: Record<string, unknown>;
    readonly operationName?: string;
    readonly extensions?: Record<string, unknown>;
  };
  /** A subscription operation: it may legitimately stay open (the runner stops listening after a while). */
  readonly stream: boolean;
}

/** One frame on a raw graphql-ws socket. */
export type WsFrame =
  /** `connection_init` carrying the caller's credentials. */
  | { readonly init: true; readonly payloadOverride?: unknown }
  | { readonly json: unknown }
  | { readonly text: Text }
  | { readonly binary: readonly number[] }
  | { readonly subscribe: { readonly id: unknown; readonly payload: unknown } };

/** A raw graphql-ws conversation. */
export interface RawWsCase {
  readonly label: string;
  readonly caller: Caller;
  /** Sub-protocols offered; undefined offers none. */
  readonly protocols?: readonly string[];
  readonly frames: readonly WsFrame[];
}

/** Facts read from the running hub so generated values can hit real rows. */
export interface FuzzSeeds {
  readonly usernames: readonly string[];
  /** Each username's organisation (ODS code). */
  readonly homes: Readonly<Record<string, string>>;
  /** Real plugin API keys, and the organisations that enabled their plugin. */
  readonly pluginKeys: readonly string[];
  readonly pluginOrganisations: readonly string[];
  readonly odsCodes: readonly string[];
  readonly globalIds: readonly string[];
  readonly cursors: readonly string[];
  readonly nhsNumbers: readonly string[];
}

export interface FuzzOptions {
  /** Largest chain of doubled fragment spreads (at most 40; lower it while that stall is unfixed). */
  readonly maxFragmentLevels?: number;
  /** The server's body limit (bytes): some bodies are made just over it. */
  readonly bodyBytes?: number;
}

// ---------------------------------------------------------------------------------------------
// Schema

/** The hub's emitted schema (packages/schema/schema.graphql). */
export function loadHubSchema(): GraphQLSchema {
  return buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// Small values

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/**
 * `fc.oneof` over `arbitraries`, each drawn as often as its weight (`weights[i]` is `arbitraries[i]`'s),
 * in the order given, so a seed draws the same cases as the `{ weight, arbitrary }` list would.
 */
function weighted<T>(arbitraries: readonly fc.Arbitrary<T>[], weights: readonly number[]): fc.Arbitrary<T> {
  if (weights.length !== arbitraries.length) throw new Error('one weight per arbitrary');
  return fc.oneof(...arbitraries.map((arbitrary, i) => ({ weight: weights[i]!, arbitrary })));
}

const hexString = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);

/** Printable ASCII (what an HTTP header value may hold). */
const headerSafe = (maxLength: number) =>
  fc.array(fc.integer({ min: 0x21, max: 0x7e }), { maxLength }).map((codes) => String.fromCharCode(...codes));

/** Characters a bearer credential may hold (so it reaches the key or token check). */
const tokenChars = (minLength: number, maxLength: number) =>
  fc.stringMatching(new RegExp(`^[A-Za-z0-9._~+/=-]{${minLength},${maxLength}}$`));

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000\u0000',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\n\r\nX-Injected: 1',
  '\u2028\u2029',
  '\ud800',
  'x\udfffy',
  '\ufeff',
  '\uffff',
  '\u202e',
  "' OR '1'='1",
  "'; drop table patient; --",
  '" or 1=1 --',
  "1' union select nhs_number from patient --",
  '%00',
  '%s%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\\',
  '\\u0000',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  'true',
  '[]',
  '{}',
  '\u0130\u0131',
  '\ud83d\ude00',
] as const;

/** The 999 range only (never a real NHS number). */
export function nhsNumberArb(seeds: Pick<FuzzSeeds, 'nhsNumbers'>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 499 }).map(syntheticNhsNumber) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 899_999 }).map(syntheticNhsNumber) },
    ...(seeds.nhsNumbers.length ? [{ weight: 1, arbitrary: fc.constantFrom(...seeds.nhsNumbers) }] : []),
    // Right shape, any check digit.
    { weight: 2, arbitrary: fc.stringMatching(/^999[0-9]{7}$/) },
    // Spaced, dashed, too long, too short.
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 0, max: 899_999 }).map(syntheticNhsNumber),
          fc.constantFrom('spaced', 'dashed', 'long', 'short', 'padded'),
        )
        .map(([n, how]) =>
          how === 'spaced'
            ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`
            : how === 'dashed'
              ? `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`
              : how === 'long'
                ? `${n}0`
                : how === 'short'
                  ? n.slice(0, 9)
                  : ` ${n} `,
        ),
    },
  );
}

/** Strings an attacker would send: control characters, NUL, lone surrogates, injections, long ones. */
export function hostileStringArb(seeds: Pick<FuzzSeeds, 'nhsNumbers'>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.string({ maxLength: 8 }),
          fc.oneof(
            fc.constant('\u0000'),
            fc.constantFrom('\u0001', '\u0008', '\u001f', '\u007f', '\u0085', '\ud800', '\udc00', '\u2028', '\ufffe'),
          ),
          fc.string({ maxLength: 8 }),
        )
        .map(([a, c, b]) => a + c + b),
    },
    { weight: 1, arbitrary: fc.integer({ min: 256, max: 20_000 }).map((n) => 'x'.repeat(n)) },
    { weight: 1, arbitrary: nhsNumberArb(seeds) },
  );
}

/** A literal value for a GraphQL document and the same value for a variables object. */
export interface Lit {
  readonly js: unknown;
  readonly lit: string;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A JSON-ish value as a GraphQL literal (strings quoted; keys that are not names are quoted too, which is invalid on purpose). */
export function toLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(toLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${NAME.test(k) ? k : JSON.stringify(k)}: ${toLiteral(v)}`)
      .join(', ')}}`;
  }
  return 'null';
}

const lit = (js: unknown): Lit => ({ js, lit: toLiteral(js) });

// ---------------------------------------------------------------------------------------------
// The generator set

export interface FuzzArbitraries {
  readonly caller: fc.Arbitrary<Caller>;
  readonly hostileString: fc.Arbitrary<string>;
  readonly cursor: fc.Arbitrary<string>;
  readonly globalId: fc.Arbitrary<string>;
  /** A schema-derived operation (query, mutation or subscription) with random arguments. */
  readonly operation: fc.Arbitrary<{
    query: string;
    variables: Record<string, unknown>;
    operationName?: string;
    kind: OperationKind;
  }>;
  /** Schema-derived operations over HTTP (mostly POST JSON, some GET). */
  readonly httpSchemaCase: fc.Arbitrary<HttpCase>;
  /** Hostile documents, bodies, transports and headers over HTTP. */
  readonly httpHostileCase: fc.Arbitrary<HttpCase | RawHttpCase>;
  /** Schema-derived and hostile documents through the graphql-ws client. */
  readonly wsCase: fc.Arbitrary<WsCase>;
  /** Raw graphql-ws protocol conversations. */
  readonly rawWsCase: fc.Arbitrary<RawWsCase>;
}

type OperationKind = 'query' | 'mutation' | 'subscription';

/** A rendered piece of a document with its variables, in the order their `$\u0001` placeholders appear. */
interface Piece {
  readonly text: string;
  readonly vars: readonly VarDef[];
}
interface VarDef {
  readonly type: string;
  readonly value: unknown;
  readonly present: boolean;
}
const VAR_MARK = '$\u0001';

export function createFuzzArbitraries(
  schema: GraphQLSchema,
  seeds: FuzzSeeds,
  options: FuzzOptions = {},
): FuzzArbitraries {
  const maxFragmentLevels = Math.min(40, Math.max(1, options.maxFragmentLevels ?? 40));
  const bodyBytes = options.bodyBytes ?? 1_048_576;
  const usernames = seeds.usernames.length ? seeds.usernames : ['hub.manager'];
  const odsCodes = seeds.odsCodes.length ? seeds.odsCodes : ['Y99000'];

  const hostileString = hostileStringArb(seeds);
  const nhs = nhsNumberArb(seeds);

  const nodeTypes = Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'))
    .map((t) => t.name);
  const roleType = schema.getType('Role');
  const roles = isEnumType(roleType) ? roleType.getValues().map((v) => v.name) : ['HUB_MANAGER'];

  // --- identifiers -------------------------------------------------------------------------------

  const uuid = fc.oneof(
    { weight: 6, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.uuid({ version: 7 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
    },
    { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
    { weight: 1, arbitrary: fc.uuid().map((u) => u.replaceAll('-', '')) },
  );

  const globalId: fc.Arbitrary<string> = fc.oneof(
    ...(seeds.globalIds.length ? [{ weight: 4, arbitrary: fc.constantFrom(...seeds.globalIds) }] : []),
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...nodeTypes), uuid).map(([t, u]) => b64url(`${t}:${u}`)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...nodeTypes, 'Nope', 'patient', ''), hostileString)
        .map(([t, s]) => b64url(`${t}:${s}`)),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...nodeTypes), uuid).map(([t, u]) => b64(`${t}:${u}`)) },
    { weight: 1, arbitrary: uuid },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(b64url) },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.integer({ min: 201, max: 2000 }).map((n) => 'A'.repeat(n)) },
  );

  const cursor: fc.Arbitrary<string> = fc.oneof(
    ...(seeds.cursors.length ? [{ weight: 2, arbitrary: fc.constantFrom(...seeds.cursors) }] : []),
    { weight: 2, arbitrary: fc.json({ maxDepth: 2 }).map(b64url) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 2 }).map(b64) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        b64url('x'),
        b64('x'),
        'x',
        '',
        '====',
        b64url('[]'),
        b64url('["c1"]'),
        b64url('null'),
      ),
    },
    {
      weight: 4,
      arbitrary: fc
        .array(
          fc.oneof(
            hostileString,
            fc.integer(),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -1, 0, 2147483648),
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            fc.constantFrom('2024-02-30T00:00:00Z', '+275760-09-13T00:00:00.000Z', 'now', 'infinity', '0000-00-00'),
            uuid,
            fc.constant(null),
            fc.boolean(),
            fc.object({ maxDepth: 1 }),
          ),
          { maxLength: 4 },
        )
        .map((values) => b64url(JSON.stringify(['c1', ...values]))),
    },
    { weight: 1, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 400, max: 4000 }).map((n) => b64url(JSON.stringify(['c1', 'x'.repeat(n)]))),
    },
  );

  const odsCode = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...odsCodes, 'U99002', 'Y99021', 'Y99009') },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Z][0-9]{5}$/) },
    { weight: 1, arbitrary: fc.constantFrom('y99000', 'Y9900', 'Y990000', ' Y99000', 'Y99000 ', 'Y99000\u0000') },
    { weight: 1, arbitrary: hostileString },
  );

  const first = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }).map(lit) },
    { weight: 2, arbitrary: fc.constantFrom(-1, 0, 199, 200, 201, -2147483648, 2147483647, 1_000_000).map(lit) },
    { weight: 1, arbitrary: fc.integer().map(lit) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('2147483648', '1e21', '9007199254740993')
        .map((text) => ({ js: Number(text), lit: text })),
    },
  );

  const dateTime = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') })
        .map((d) => d.toISOString()),
    },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '2024-02-30T00:00:00Z',
        '2024-01-01',
        '2024-01-01T25:00:00Z',
        '2024-01-01T00:00:00+25:00',
        '9999-12-31T23:59:59.999Z',
        '0000-01-01T00:00:00Z',
        '-000001-01-01T00:00:00Z',
        '+275760-09-13T00:00:00.000Z',
        '1970-01-01T00:00:00.000000001Z',
        'now',
        'infinity',
        '-infinity',
        'epoch',
      ),
    },
    { weight: 1, arbitrary: hostileString },
  );

  const localDate = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') })
        .map((d) => d.toISOString().slice(0, 10)),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '2024-02-30',
        '2023-02-29',
        '2024-13-01',
        '0000-00-00',
        '9999-12-31',
        '0001-01-01',
        '20240101',
        '2024-1-1',
        'today',
        'infinity',
      ),
    },
    { weight: 1, arbitrary: hostileString },
  );

  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
  const url = fc.oneof(
    fc.webUrl(),
    fc.constantFrom(
      'http://127.0.0.1:1/',
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'gopher://127.0.0.1:6379/_INFO',
      'http://[::1]/',
      'https://user:pass@example.invalid/',
      'http://0x7f000001/',
    ),
    hostileString,
  );

  /** Any JSON-ish value: what the wrong type looks like. */
  const wrongValue: fc.Arbitrary<Lit> = fc.oneof(
    hostileString.map(lit),
    fc.integer().map(lit),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(lit),
    fc.boolean().map(lit),
    fc.constant(lit(null)),
    fc.array(fc.oneof(fc.integer(), hostileString), { maxLength: 3 }).map(lit),
    fc.dictionary(identifier, fc.oneof(fc.integer(), hostileString, fc.constant(null)), { maxKeys: 3 }).map(lit),
    // A bare enum-like name where a string is wanted (a literal of the wrong kind).
    identifier.map((name) => ({ js: name, lit: name })),
  );

  /** Strings that pass GraphQL but not a careless database layer. */
  const sharpString = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })).map(([a, b]) => `${a}\u0000${b}`),
    },
    { weight: 2, arbitrary: fc.integer({ min: 101, max: 5_000 }).map((n) => 'x'.repeat(n)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '\ud800',
        'a\udfffb',
        '\u0001\u0002',
        "'",
        '%',
        '_',
        '\\',
        "'; select 1; --",
        '\u2028',
      ),
    },
    { weight: 1, arbitrary: hostileString },
  );
  /** Cursors of the right envelope (`["c1", ...]`) around values of the wrong kind. */
  const forgedCursor = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          1e308,
          -1e308,
          2 ** 53 + 1,
          -1,
          0.5,
          2147483648,
          'x',
          '',
          'not-a-uuid',
          '2024-02-30T00:00:00Z',
          '+275760-09-13T00:00:00.000Z',
          'a\u0000b',
          'infinity',
        ),
        uuid,
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.integer(),
        hostileString,
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((values) => b64url(JSON.stringify(['c1', ...values])));

  type GeneratedOperation = {
    query: string;
    variables: Record<string, unknown>;
    operationName?: string;
    kind: OperationKind;
  };
  const perHome = new Map<string, (kind: OperationKind) => fc.Arbitrary<GeneratedOperation>>();

  /**
   * Operation generators whose ODS code arguments favour `home` (the caller's own organisation),
   * so random arguments get past the organisation checks into the resolvers more often.
   */
  function generatorsFor(home: string, focused: boolean): (kind: OperationKind) => fc.Arbitrary<GeneratedOperation> {
    const known = perHome.get(`${home}|${focused}`);
    if (known) return known;
    const homeOds = focused
      ? fc.constant(home)
      : fc.oneof({ weight: 3, arbitrary: fc.constant(home) }, { weight: 2, arbitrary: odsCode });

    /** A value of a named scalar; the argument or field name sharpens it. */
    function scalarValue(name: string, hint: string): fc.Arbitrary<Lit> {
      const h = hint.toLowerCase();
      if (name === 'Int') {
        if (h === 'first' || h === 'last' || h === 'limit') return first;
        return fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: -10, max: 1000 }).map(lit) },
          { weight: 2, arbitrary: fc.integer().map(lit) },
          { weight: 1, arbitrary: fc.constantFrom(0, -1, -2147483648, 2147483647, 104_857_601).map(lit) },
          {
            weight: 1,
            arbitrary: fc
              .bigInt({ min: 10n ** 15n, max: 10n ** 40n })
              .map((b) => ({ js: Number(b), lit: b.toString() })),
          },
        );
      }
      if (name === 'Float') return fc.double({ noNaN: true, noDefaultInfinity: true }).map(lit);
      if (name === 'Boolean') return fc.boolean().map(lit);
      if (name === 'NHSNumber')
        return fc.oneof({ weight: 5, arbitrary: nhs }, { weight: 1, arbitrary: hostileString }).map(lit);
      if (name === 'OdsCode') return homeOds.map(lit);
      if (name === 'DateTime') return dateTime.map(lit);
      if (name === 'LocalDate') return localDate.map(lit);
      if (name === 'SnomedCode' || name === 'DmdCode') {
        return fc
          .oneof(digits(6, 18), fc.constantFrom('22298006', '38341003', '0', '1'.repeat(40)), hostileString)
          .map(lit);
      }
      if (name === 'PrescriptionId') {
        return fc.oneof(fc.stringMatching(/^[0-9A-F]{6}-[0-9A-Z]{6}-[0-9A-Z]{5}[0-9A-Z+]$/), hostileString).map(lit);
      }
      if (name === 'ID') {
        if (h.includes('key') && !h.includes('idempotency'))
          return fc.oneof(hexString(24), globalId, hostileString).map(lit);
        return fc.oneof(
          { weight: 8, arbitrary: globalId.map(lit) },
          { weight: 1, arbitrary: fc.integer().map(lit) },
          { weight: 1, arbitrary: uuid.map(lit) },
        );
      }
      // String and unknown custom scalars.
      if (focused) {
        if (h === 'after' || h === 'before' || h.includes('cursor')) return forgedCursor.map(lit);
        if (h.includes('ods') || h === 'organisation') return homeOds.map(lit);
        if (h.includes('username') || h.includes('onbehalfof') || h === 'actorid' || h === 'holder')
          return fc.oneof(fc.constantFrom(...usernames), sharpString).map(lit);
        return sharpString.map(lit);
      }
      if (h === 'after' || h === 'before' || h.includes('cursor')) return cursor.map(lit);
      if (h.includes('url') || h.includes('endpoint')) return url.map(lit);
      if (h.includes('secret'))
        return fc
          .oneof(
            fc.base64String({ maxLength: 60 }).map((s) => `whsec_${s}`),
            hostileString,
          )
          .map(lit);
      if (h.includes('username') || h.includes('onbehalfof') || h === 'actorid' || h === 'holder') {
        return fc.oneof(fc.constantFrom(...usernames), hostileString).map(lit);
      }
      if (h.includes('nhs')) return nhs.map(lit);
      if (h.includes('ods') || h === 'organisation') return homeOds.map(lit);
      if (h.includes('idempotency')) return fc.oneof(uuid, hostileString).map(lit);
      if (h === 'search' || h === 'slottype') {
        return fc
          .oneof(hostileString, fc.constantFrom('%', '_', '%%', '\\', "'", 'Ava', 'Abbott', '999'), nhs)
          .map(lit);
      }
      return hostileString.map(lit);
    }

    const valueCache = new Map<string, fc.Arbitrary<Lit>>();

    /** A value for an input type: usually right, sometimes of the wrong type or missing. */
    function valueFor(type: GraphQLInputType, hint: string, depth: number): fc.Arbitrary<Lit> {
      const key = `${String(type)}|${hint}|${depth}`;
      const cached = valueCache.get(key);
      if (cached) return cached;
      const built = focused
        ? rightValue(type, hint, depth)
        : fc.oneof({ weight: 20, arbitrary: rightValue(type, hint, depth) }, { weight: 1, arbitrary: wrongValue });
      valueCache.set(key, built);
      return built;
    }

    function rightValue(type: GraphQLInputType, hint: string, depth: number): fc.Arbitrary<Lit> {
      if (isNonNullType(type)) {
        if (focused) return valueFor(type.ofType, hint, depth);
        return fc.oneof(
          { weight: 40, arbitrary: valueFor(type.ofType, hint, depth) },
          { weight: 1, arbitrary: fc.constant(lit(null)) },
        );
      }
      if (isListType(type)) {
        const item = valueFor(type.ofType, hint, depth);
        return fc.oneof(
          {
            weight: 6,
            arbitrary: fc
              .array(item, { maxLength: 3 })
              .map((items) => ({ js: items.map((i) => i.js), lit: `[${items.map((i) => i.lit).join(', ')}]` })),
          },
          // A single value where a list is wanted (input coercion allows it).
          { weight: 2, arbitrary: item },
          // Long lists.
          {
            weight: 1,
            arbitrary: fc.tuple(item, fc.integer({ min: 50, max: 400 })).map(([one, n]) => ({
              js: Array.from({ length: n }, () => one.js),
              lit: `[${Array.from({ length: n }, () => one.lit).join(' ')}]`,
            })),
          },
        );
      }
      if (isEnumType(type)) {
        const values = type.getValues().map((v) => v.name);
        return fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...values).map((v) => ({ js: v, lit: v })) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(...values).map((v) => ({ js: v.toLowerCase(), lit: JSON.stringify(v) })),
          },
          { weight: 1, arbitrary: identifier.map((v) => ({ js: v, lit: v })) },
        );
      }
      if (isInputObjectType(type)) {
        if (depth > 3) return fc.constant({ js: {}, lit: '{}' });
        const fields = Object.values(type.getFields());
        const entries = fields.map((field) => {
          const required = isNonNullType(field.type) && field.defaultValue === undefined;
          const value = valueFor(field.type, field.name, depth + 1).map((v) => [field.name, v] as const);
          return fc.oneof({ weight: required ? 20 : 1, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
        });
        const extra = fc.oneof(
          { weight: 8, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.tuple(identifier, wrongValue).map(([k, v]) => [k, v] as const) },
        );
        return fc.tuple(fc.tuple(...entries), extra).map(([chosen, more]) => {
          const all = [...chosen, more].filter((e): e is readonly [string, Lit] => e !== null);
          return {
            js: Object.fromEntries(all.map(([k, v]) => [k, v.js])),
            lit: `{${all.map(([k, v]) => `${k}: ${v.lit}`).join(', ')}}`,
          };
        });
      }
      return scalarValue(type.name, hint);
    }

    // --- selections --------------------------------------------------------------------------------

    const alias = fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/) },
    );

    /** Arguments of a field, each as a literal or a variable (sometimes declared with the wrong type, or not sent). */
    function argumentsFor(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Piece> {
      if (field.args.length === 0) return fc.constant({ text: '', vars: [] });
      const args = field.args.map((arg) => {
        const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
        const present = fc.record({
          value: valueFor(arg.type, arg.name, 0),
          mode: fc.constantFrom('literal', 'literal', 'variable', 'variable', 'variable'),
          declared: focused
            ? fc.constant(String(arg.type))
            : fc.oneof(
                { weight: 20, arbitrary: fc.constant(String(arg.type)) },
                {
                  weight: 1,
                  arbitrary: fc.constantFrom(
                    'String',
                    'Int!',
                    'ID',
                    '[ID!]!',
                    'Boolean',
                    'JSON',
                    String(getNamedType(arg.type)),
                  ),
                },
              ),
          sent: focused
            ? fc.constant(true)
            : fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        });
        const use = present.map((p) => ({ name: arg.name, ...p }));
        if (focused && required) return use;
        return fc.oneof(
          { weight: required ? 25 : 2, arbitrary: use },
          { weight: required ? 1 : 3, arbitrary: fc.constant(null) },
        );
      });
      return fc.tuple(...args).map((chosen) => {
        const used = chosen.filter((a) => a !== null);
        if (used.length === 0) return { text: '', vars: [] };
        const vars: VarDef[] = [];
        const parts = used.map((a) => {
          if (a.mode === 'literal') return `${a.name}: ${a.value.lit}`;
          vars.push({ type: a.declared, value: a.value.js, present: a.sent });
          return `${a.name}: ${VAR_MARK}`;
        });
        return { text: `(${parts.join(', ')})`, vars };
      });
    }

    const selectionCache = new Map<string, fc.Arbitrary<Piece>>();

    function isLeafField(field: GraphQLField<unknown, unknown>): boolean {
      return isLeafType(getNamedType(field.type));
    }

    function fieldPiece(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<Piece> {
      const named = getNamedType(field.type);
      const sub = isLeafType(named) ? fc.constant<Piece>({ text: '', vars: [] }) : selectionFor(named, depth - 1);
      return fc.tuple(alias, argumentsFor(field), sub).map(([a, args, s]) => ({
        text: `${a ? `${a}: ` : ''}${field.name}${args.text}${s.text ? ` ${s.text}` : ''}`,
        vars: [...args.vars, ...s.vars],
      }));
    }

    function join(pieces: readonly Piece[]): Piece {
      return { text: `{ ${pieces.map((p) => p.text).join(' ')} }`, vars: pieces.flatMap((p) => p.vars) };
    }

    /** A selection set on `type`, `depth` levels deep at most. */
    function selectionFor(type: GraphQLNamedType, depth: number): fc.Arbitrary<Piece> {
      const key = `${type.name}|${depth}`;
      const cached = selectionCache.get(key);
      if (cached) return cached;
      let built: fc.Arbitrary<Piece>;
      if (isUnionType(type)) {
        const members = type.getTypes();
        built = fc
          .uniqueArray(fc.constantFrom(...members), { minLength: 0, maxLength: 2 })
          .chain((chosen) =>
            fc
              .tuple(...chosen.map((m) => selectionFor(m, depth)))
              .map((subs) => subs.map((s, i) => ({ text: `... on ${chosen[i]!.name} ${s.text}`, vars: s.vars }))),
          )
          .map((fragments) => join([{ text: '__typename', vars: [] }, ...fragments]));
      } else if (isObjectType(type) || isInterfaceType(type)) {
        const fields = Object.values((type as GraphQLObjectType | GraphQLInterfaceType).getFields());
        const leaves = fields.filter(isLeafField);
        const candidates = depth <= 0 ? leaves : fields;
        const typename = { text: '__typename', vars: [] };
        const fromFields =
          candidates.length === 0
            ? fc.constant<Piece[]>([typename])
            : fc
                .uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: 3 })
                .chain((chosen) => fc.tuple(...chosen.map((f) => fieldPiece(f, depth))));
        const implementations = isInterfaceType(type) ? schema.getPossibleTypes(type) : [];
        const inline =
          implementations.length && depth > 0
            ? fc.oneof(
                { weight: 2, arbitrary: fc.constant<Piece[]>([]) },
                {
                  weight: 1,
                  arbitrary: fc
                    .constantFrom(...implementations)
                    .chain((impl) =>
                      selectionFor(impl, depth - 1).map((s) => [
                        { text: `... on ${impl.name} ${s.text}`, vars: s.vars },
                      ]),
                    ),
                },
              )
            : fc.constant<Piece[]>([]);
        built = fc.tuple(fromFields, inline).map(([a, b]) => join([...a, ...b]));
      } else {
        built = fc.constant({ text: '', vars: [] });
      }
      selectionCache.set(key, built);
      return built;
    }

    function rootFields(kind: OperationKind): GraphQLField<unknown, unknown>[] {
      const root =
        kind === 'query'
          ? schema.getQueryType()
          : kind === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      return root ? Object.values(root.getFields()) : [];
    }

    const operationName = fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 2, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,10}$/) },
    );

    function opOf(kind: OperationKind): fc.Arbitrary<GeneratedOperation> {
      const fields = rootFields(kind);
      const count = kind === 'subscription' ? 1 : 2;
      return fc
        .record({
          name: operationName,
          depth: focused ? fc.constant(1) : fc.integer({ min: 1, max: 4 }),
          chosen: fc.uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: focused ? 1 : count }),
          sendName: focused
            ? fc.constant('same')
            : fc.constantFrom('same', 'same', 'same', 'same', 'same', 'same', 'none', 'none', 'none', 'other'),
          other: identifier,
        })
        .chain(({ name, depth, chosen, sendName, other }) =>
          fc.tuple(...chosen.map((f) => fieldPiece(f, depth))).map((pieces) => {
            const body = join(pieces);
            const text = body.text
              .split(VAR_MARK)
              .map((part, k) => (k === 0 ? part : `$v${k - 1}${part}`))
              .join('');
            const defs = body.vars.map((v, k) => `$v${k}: ${v.type}`);
            const variables: Record<string, unknown> = {};
            body.vars.forEach((v, k) => {
              if (v.present) variables[`v${k}`] = v.value;
            });
            const header = `${kind}${name ? ` ${name}` : ''}${defs.length ? `(${defs.join(', ')})` : ''}`;
            const sent = sendName === 'same' ? name : sendName === 'other' ? other : undefined;
            return {
              query: `${header} ${text}`,
              variables,
              ...(sent !== undefined ? { operationName: sent } : {}),
              kind,
            };
          }),
        );
    }

    const cache = new Map<OperationKind, fc.Arbitrary<GeneratedOperation>>();
    const generate = (kind: OperationKind) => {
      let arb = cache.get(kind);
      if (!arb) cache.set(kind, (arb = opOf(kind)));
      return arb;
    };
    perHome.set(`${home}|${focused}`, generate);
    return generate;
  }

  /**
   * A schema-derived operation of `kind`, its ODS codes favouring `home`. Focused: every argument
   * of the right type and present, one level of selection, but every string sharp (NUL, control
   * characters, over-long) and every cursor forged, so the values reach the resolvers and the SQL.
   */
  function operationOf(kind: OperationKind, home = 'Y99000', focused = false): fc.Arbitrary<GeneratedOperation> {
    return generatorsFor(home, focused)(kind);
  }

  const operation = fc.oneof(
    { weight: 6, arbitrary: operationOf('query') },
    { weight: 4, arbitrary: operationOf('mutation') },
    { weight: 1, arbitrary: operationOf('subscription') },
  );

  // --- callers -----------------------------------------------------------------------------------

  const pluginKey = fc.oneof(
    // Well-formed (24 hex id, 43 base64url secret), unknown.
    {
      weight: 3,
      arbitrary: fc
        .tuple(hexString(24), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/))
        .map(([id, secret]) => `pcnhub_${id}_${secret}`),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(tokenChars(0, 40), tokenChars(0, 60)).map(([id, secret]) => `pcnhub_${id}_${secret}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'pcnhub_',
        'pcnhub__',
        `pcnhub_${'0'.repeat(24)}_${'A'.repeat(43)}`,
        `pcnhub_${'f'.repeat(24)}_${'-'.repeat(43)}`,
      ),
    },
  );

  const principal: fc.Arbitrary<Principal> = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'anonymous' as const }) },
    { weight: 14, arbitrary: fc.constantFrom(...usernames).map((username) => ({ kind: 'user' as const, username })) },
    { weight: 1, arbitrary: fc.constantFrom(...usernames).map((username) => ({ kind: 'expired' as const, username })) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('forged' as const),
        username: fc.constantFrom(...usernames),
        how: fc.constantFrom(...FORGERIES),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('claims' as const),
        sub: fc.oneof(fc.constantFrom(...usernames, 'ghost', 'x'.repeat(101)), headerSafe(30)),
        org: fc.oneof(
          fc.constantFrom(...odsCodes, 'U99002', 'Z99999', 'Y99009', 'y99000'),
          fc.stringMatching(/^[A-Z0-9]{3,12}$/),
          headerSafe(20),
        ),
        roles: fc.uniqueArray(fc.constantFrom(...roles, 'ROOT', 'admin', ''), { maxLength: 4 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'bearer x',
            'Basic dXNlcjpwYXNz',
            'Token abc',
            'Bearer a.b.c',
            'Bearer ..',
            'Bearer pcnhub_',
            'Bearer null',
            'Bearer undefined',
          ),
          tokenChars(1, 300).map((t) => `Bearer ${t}`),
          headerSafe(60).map((t) => `Bearer ${t}`),
          headerSafe(60),
          fc.integer({ min: 1000, max: 12_000 }).map((n) => `Bearer ${'a'.repeat(n)}`),
        )
        .map((authorization) => ({ kind: 'raw' as const, authorization })),
    },
    { weight: 1, arbitrary: pluginKey.map((key) => ({ kind: 'pluginKey' as const, key })) },
    ...(seeds.pluginKeys.length
      ? [
          {
            weight: 3,
            arbitrary: fc
              .integer({ min: 0, max: seeds.pluginKeys.length - 1 })
              .map((index) => ({ kind: 'plugin' as const, index })),
          },
        ]
      : []),
  );

  const organisationHint = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...odsCodes, 'U99002') },
    { weight: 2, arbitrary: headerSafe(40) },
    { weight: 2, arbitrary: fc.integer({ min: 200, max: 15_000 }).map((n) => 'Y'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 40, max: 2_000 }).map((n) => 'Y99000'.repeat(n)) },
  );
  const onBehalfOfHint = fc.oneof(
    fc.constantFrom(...usernames),
    headerSafe(40),
    fc.integer({ min: 200, max: 10_000 }).map((n) => 'u'.repeat(n)),
  );

  const pluginOrganisations = seeds.pluginOrganisations.length ? seeds.pluginOrganisations : odsCodes;
  const hints = (p: Principal) =>
    p.kind === 'plugin'
      ? fc.tuple(
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...pluginOrganisations) },
            { weight: 2, arbitrary: organisationHint },
            { weight: 1, arbitrary: fc.constant(undefined) },
          ),
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(undefined) },
            { weight: 2, arbitrary: fc.constantFrom(...usernames) },
            { weight: 1, arbitrary: onBehalfOfHint },
          ),
        )
      : fc.tuple(
          fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: organisationHint }),
          fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: onBehalfOfHint }),
        );

  const caller: fc.Arbitrary<Caller> = principal.chain((p) =>
    hints(p).map(([organisation, onBehalfOf]) => ({
      principal: p,
      ...(organisation !== undefined ? { organisation } : {}),
      ...(onBehalfOf !== undefined ? { onBehalfOf } : {}),
    })),
  );

  /** The organisation a caller acts for (where its ODS code arguments should usually point). */
  const homeOf = (c: Caller): string => {
    const p = c.principal;
    if (p.kind === 'user' || p.kind === 'expired' || p.kind === 'forged') return seeds.homes[p.username] ?? 'Y99000';
    if (p.kind === 'claims') return p.org;
    if (p.kind === 'plugin') return c.organisation ?? pluginOrganisations[0]!;
    return 'Y99000';
  };
  const anyOperationCache = new Map<string, fc.Arbitrary<GeneratedOperation>>();
  const anyOperationFor = (home: string): fc.Arbitrary<GeneratedOperation> => {
    let arb = anyOperationCache.get(home);
    if (!arb) {
      arb = fc.oneof(
        { weight: 6, arbitrary: operationOf('query', home) },
        { weight: 4, arbitrary: operationOf('mutation', home) },
        { weight: 1, arbitrary: operationOf('subscription', home) },
      );
      anyOperationCache.set(home, arb);
    }
    return arb;
  };
  /** A demo user (or the real plugin) with a focused operation aimed at its own organisation. */
  const focusedCaller: fc.Arbitrary<Caller> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom(...usernames).map((username): Caller => ({ principal: { kind: 'user', username } })),
    },
    ...(seeds.pluginKeys.length
      ? [
          {
            weight: 1,
            arbitrary: fc
              .constantFrom(...pluginOrganisations)
              .map((organisation): Caller => ({ principal: { kind: 'plugin', index: 0 }, organisation })),
          },
        ]
      : []),
  );
  const callerWithFocusedOperation = focusedCaller.chain((c) =>
    fc
      .oneof(operationOf('query', homeOf(c), true), operationOf('mutation', homeOf(c), true))
      .map((op) => [c, op] as const),
  );
  /** A caller with an operation aimed at its own organisation. */
  const callerWithOperation = caller.chain((c) => anyOperationFor(homeOf(c)).map((op) => [c, op] as const));
  const callerWithSubscription = caller.chain((c) =>
    operationOf('subscription', homeOf(c)).map((op) => [c, op] as const),
  );

  // --- HTTP, schema-derived ------------------------------------------------------------------------

  function getPath(payload: GqlPayload): string {
    const params = new URLSearchParams();
    if (payload.query !== undefined)
      params.set('query', typeof payload.query === 'string' ? payload.query : renderText(payload.query as Text));
    if (payload.variables !== undefined) params.set('variables', JSON.stringify(payload.variables));
    if (payload.operationName !== undefined) {
      params.set(
        'operationName',
        typeof payload.operationName === 'string' ? payload.operationName : JSON.stringify(payload.operationName),
      );
    }
    if (payload.extensions !== undefined) params.set('extensions', JSON.stringify(payload.extensions));
    return `/graphql?${params.toString()}`;
  }

  const httpSchemaCase: fc.Arbitrary<HttpCase> = fc
    .tuple(
      fc.oneof(
        { weight: 2, arbitrary: callerWithOperation.map(([c, op]) => [c, op, 'schema'] as const) },
        { weight: 1, arbitrary: callerWithFocusedOperation.map(([c, op]) => [c, op, 'schema-focused'] as const) },
      ),
      fc.constantFrom('post', 'post', 'post', 'post', 'post', 'post', 'get', 'get-preflight'),
    )
    .map(([[c, op, prefix], how]): HttpCase => {
      const payload = {
        query: op.query,
        variables: op.variables,
        ...(op.operationName !== undefined ? { operationName: op.operationName } : {}),
      };
      if (how === 'post')
        return { label: `${prefix}-${op.kind}`, caller: c, method: 'POST', path: '/graphql', body: { json: payload } };
      return {
        label: `${prefix}-${op.kind}-get`,
        caller: c,
        method: 'GET',
        path: getPath(payload),
        ...(how === 'get-preflight' ? { headers: { 'apollo-require-preflight': 'true' } } : {}),
      };
    });

  // --- hostile documents (shared by HTTP and graphql-ws) -----------------------------------------

  /** `fragment Fi on Query { ...Fi+1 ...Fi+1 }`: 2^n visits for a naive walker; Fibonacci variant too. */
  const doubledFragments: fc.Arbitrary<{ label: string; query: Text }> = fc
    .record({
      levels: fc.integer({ min: 1, max: maxFragmentLevels }),
      fanout: fc.constantFrom(2, 2, 3),
      fib: fc.boolean(),
      leaf: fc.constantFrom('__typename', 'viewer { id }', 'hubServices { id name }'),
    })
    .map(({ levels, fanout, fib, leaf }) => {
      const lines = ['query Doubled { ...F0 }'];
      for (let i = 0; i < levels; i++) {
        const spreads =
          fib && i + 2 <= levels
            ? `...F${i + 1} ...F${i + 2}`
            : Array.from({ length: fanout }, () => `...F${i + 1}`).join(' ');
        lines.push(`fragment F${i} on Query { ${spreads} }`);
      }
      lines.push(`fragment F${levels} on Query { ${leaf} }`);
      return { label: 'doubled-fragments', query: lines.join('\n') };
    });

  /** A random walk through object-typed fields from Query, n levels. */
  function schemaWalk(levels: number, choices: readonly number[]): string {
    let type: GraphQLNamedType = schema.getQueryType()!;
    const opened: string[] = [];
    for (let i = 0; i < levels; i++) {
      if (!isObjectType(type) && !isInterfaceType(type)) break;
      const fields: GraphQLField<unknown, unknown>[] = Object.values(
        (type as GraphQLObjectType | GraphQLInterfaceType).getFields(),
      ).filter((f) => !isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)));
      if (fields.length === 0) break;
      const f: GraphQLField<unknown, unknown> = fields[(choices[i % choices.length] ?? 0) % fields.length]!;
      opened.push(f.name);
      type = getNamedType(f.type);
    }
    const tail = isUnionType(type) || isObjectType(type) || isInterfaceType(type) ? ' { __typename }' : '';
    return `{ ${opened.join(' { ')}${tail}${' }'.repeat(Math.max(0, opened.length - 1))} }`;
  }

  const deepNesting: fc.Arbitrary<{ label: string; query: Text; variables?: unknown }> = fc.oneof(
    fc
      .integer({ min: 10, max: 1500 })
      .map((n) => ({ label: 'deep-selection', query: recipe('query Deep ', rep('{ a ', n), rep('}', n)) })),
    fc
      .tuple(fc.integer({ min: 5, max: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }))
      .map(([n, choices]) => ({ label: 'deep-schema-walk', query: schemaWalk(n, choices) })),
    fc.integer({ min: 10, max: 1500 }).map((n) => ({
      label: 'deep-list-literal',
      query: recipe('{ node(id: ', rep('[', n), '1', rep(']', n), ') { id } }'),
    })),
    fc.integer({ min: 10, max: 1000 }).map((n) => ({
      label: 'deep-object-literal',
      query: recipe('{ auditEvents(filter: ', rep('{ a: ', n), '1', rep(' }', n), ') { totalCount } }'),
    })),
    fc.integer({ min: 10, max: 1000 }).map((n) => ({
      label: 'deep-introspection',
      query: recipe('{ __schema { types ', rep('{ fields { type ', n), '{ name }', rep(' } }', n), ' } }'),
    })),
    fc.integer({ min: 1, max: 3 }).map((n) => ({
      label: 'introspection-fanout',
      query: `{ __schema { types ${'{ name fields { name type '.repeat(n)}{ name }${' } }'.repeat(n)} } }`,
    })),
  );

  const manyAliases: fc.Arbitrary<{ label: string; query: Text }> = fc
    .tuple(
      fc.integer({ min: 1, max: 1200 }),
      fc.constantFrom(
        '__typename',
        'viewer { id }',
        'organisations { id }',
        'hubServices { id }',
        'patient(nhsNumber: "9990000018") { id }',
      ),
    )
    .map(([n, field]) => ({ label: 'many-aliases', query: recipe('{ ', rep(`a{i}: ${field} `, n), '}') }));

  const manyTokens: fc.Arbitrary<{ label: string; query: Text }> = fc.oneof(
    fc
      .integer({ min: 100, max: 200_000 })
      .map((n) => ({ label: 'many-tokens', query: recipe('{', rep(' __typename', n), ' }') })),
    fc
      .integer({ min: 100, max: 60_000 })
      .map((n) => ({ label: 'many-comments', query: recipe(rep('# padding padding padding\n', n), '{ __typename }') })),
    fc
      .integer({ min: 10, max: 3_000 })
      .map((n) => ({ label: 'many-directives', query: recipe('{ __typename', rep(' @skip(if: false)', n), ' }') })),
    fc
      .integer({ min: 2, max: 2_000 })
      .map((n) => ({ label: 'many-operations', query: recipe(rep('query Q{i} { __typename }\n', n)) })),
    fc.integer({ min: 2, max: 400 }).map((n) => ({
      label: 'overlapping-fields',
      query: recipe('{ ', rep('o: patients(first: {i}) { totalCount } ', n), '}'),
    })),
    fc.integer({ min: 2, max: 300 }).map((n) => ({
      label: 'fragment-fanout',
      query: recipe(
        '{ ...A }\nfragment A on Query { ',
        rep('...B{i} ', n),
        '}\n',
        rep('fragment B{i} on Query { viewer { id } }\n', n),
      ),
    })),
  );

  const graphqlPunctuation = fc.constantFrom(
    '{',
    '}',
    '(',
    ')',
    '[',
    ']',
    ':',
    '$',
    '@',
    '!',
    '...',
    '=',
    '|',
    '&',
    '"',
    '"""',
    '#',
    ',',
    'query',
    'mutation',
    'subscription',
    'fragment',
    'on',
    'viewer',
    'id',
    '__typename',
    ' ',
    '\n',
    '\u0000',
    '1',
    '1.5e',
    'x',
  );
  const invalidSyntax: fc.Arbitrary<{ label: string; query: Text }> = fc.oneof(
    fc.array(graphqlPunctuation, { maxLength: 40 }).map((t) => ({ label: 'invalid-syntax', query: t.join('') })),
    fc.string({ unit: 'binary', maxLength: 60 }).map((s) => ({ label: 'invalid-syntax', query: s })),
    fc
      .constantFrom(
        '',
        '   ',
        '\ufeff{ __typename }',
        '{ __typename',
        '{ __typename }}',
        'query {',
        '{ viewer { id } ',
        '"""unterminated',
        '{ node(id: "\\x41") { id } }',
        '{ node(id: "\\uD800") { id } }',
        '{ node(id: "a\u0000b") { id } }',
        '{ node(id: "line\nbreak") { id } }',
        '{ __typename } garbage',
        'query Q($: Int) { __typename }',
        '{ viewer { id } } query { viewer { id } }',
        'query Q { __typename } query Q { __typename }',
        'fragment F on Query { __typename }',
        'type Evil { a: Int }',
        'schema { query: Query }',
        'extend type Query { evil: Int }',
        'directive @evil on FIELD',
        '{ ...F } fragment F on Query { ...G } fragment G on Query { ...F }',
        '{ ...Missing }',
        '{ ... on Mutation { __typename } }',
        '{ __typename(a: 1) }',
        '{ viewer @include(if: "yes") { id } }',
        '{ viewer @nope { id } }',
        'query ($a: Int, $a: Int) { __typename }',
        'query ($a: [[[[[[Int]]]]]]) { __typename }',
        '{ patient(nhsNumber: 9990000018) { id } }',
        '{ 1 }',
      )
      .map((q) => ({ label: 'invalid-syntax', query: q })),
    operationOf('query').chain((op) =>
      fc
        .integer({ min: 0, max: Math.max(0, op.query.length - 1) })
        .map((cut) => ({ label: 'truncated-document', query: op.query.slice(0, cut) })),
    ),
  );

  const subscriptionDoc = operationOf('subscription').map((op) => ({
    label: 'subscription-doc',
    query: op.query,
    variables: op.variables,
  }));

  /** Documents whose query is a string (usable by the graphql-ws client as well as HTTP). */
  const hostileDocument: fc.Arbitrary<{ label: string; query: Text; variables?: unknown }> = weighted(
    [doubledFragments, deepNesting, manyAliases, manyTokens, invalidSyntax, subscriptionDoc],
    [3, 3, 2, 3, 4, 2],
  );

  const persistedQueryExtensions = fc.oneof(
    fc.record({
      persistedQuery: fc.record({
        version: fc.oneof(
          { weight: 6, arbitrary: fc.constant(1) },
          { weight: 1, arbitrary: fc.constantFrom(2, 0, -1, '1', null, 1e10) },
        ),
        sha256Hash: fc.oneof(
          { weight: 6, arbitrary: hexString(64) },
          {
            weight: 1,
            arbitrary: fc.oneof(hexString(63), hexString(128), hostileString, fc.constant(null), fc.integer()),
          },
        ),
      }),
    }),
    fc.constantFrom<unknown>(
      'x',
      [],
      123,
      null,
      { persistedQuery: 'x' },
      { persistedQuery: null },
      { persistedQuery: [] },
    ),
  );

  const unknownOperation = fc
    .tuple(
      operationOf('query'),
      fc.oneof(
        identifier,
        fc.integer(),
        fc.constant(null),
        fc.constant(['Q']),
        fc.constant({ name: 'Q' }),
        hostileString,
      ),
    )
    .map(([op, operationName]) => ({ query: op.query, variables: op.variables, operationName }));

  const weirdVariables = fc.oneof(
    fc.constantFrom<unknown>('x', '{"v0": 1}', [], [1, 2], 123, true, null),
    fc.dictionary(
      fc.oneof(identifier, fc.constantFrom('__proto__', 'constructor', 'prototype')),
      fc.jsonValue({ maxDepth: 3 }),
      { maxKeys: 6 },
    ),
    fc.constant<unknown>(JSON.parse('{"__proto__": {"polluted": true}, "v0": {"__proto__": {"admin": true}}}')),
  );

  const bodyShape = fc.oneof(
    fc.record({
      query: fc.oneof(
        fc.integer(),
        fc.constant(null),
        fc.constant([]),
        fc.constant({}),
        fc.constant(true),
        hostileString,
      ),
    }),
    fc.record({ query: fc.constant('{ __typename }'), variables: weirdVariables }),
    fc.record({
      query: fc.constant('{ __typename }'),
      operationName: fc.oneof(fc.integer(), fc.constant({}), fc.constant([])),
    }),
    fc.record({
      query: fc.constant('{ __typename }'),
      extensions: fc.oneof(fc.constant('x'), fc.constant([]), fc.integer(), fc.jsonValue({ maxDepth: 3 })),
    }),
    fc.record({ variables: fc.constant({}) }),
    fc.record({ querry: fc.constant('{ __typename }') }),
  );

  const contentTypes = fc.constantFrom<string | null>(
    null,
    '',
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----fuzz',
    'application/graphql',
    'application/xml',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'APPLICATION/JSON',
    'application/json, text/plain',
    'application/jsonx',
    'application/graphql-response+json',
    '*/*',
    'application/json; boundary=x; charset="utf-8"',
  );

  const validPayload = operationOf('query').map((op) => ({ query: op.query, variables: op.variables }));
  const hexBytes = fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1'));

  const hostileBodies: fc.Arbitrary<{
    label: string;
    body: { json: unknown } | { text: Text };
    contentType?: string | null;
  }> = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.tuple(validPayload, fc.nat()).map(([p, cut]) => {
        const s = JSON.stringify(p);
        return { label: 'truncated-json', body: { text: s.slice(0, cut % Math.max(1, s.length)) } };
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '{',
          '}',
          '[',
          'null',
          'true',
          '"string"',
          '123',
          '-',
          '{"query":}',
          '{"query": "{ __typename }",}',
          "{'query': '{ __typename }'}",
          '{"query": "{ __typename }"}garbage',
          '\ufeff{"query": "{ __typename }"}',
          '{"query": "{ __typename }", "query": "{ viewer { id } }"}',
          '{"query": "\\ud800"}',
          '{"query": "\\u0000"}',
          '{"query": "{ __typename }", "variables": NaN}',
          '{"query": "{ __typename }", "variables": {"a": 1e999}}',
        )
        .map((text) => ({ label: 'malformed-json', body: { text } })),
    },
    {
      weight: 2,
      arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map((text) => ({ label: 'random-body', body: { text } })),
    },
    {
      weight: 1,
      arbitrary: hexBytes.map((text) => ({ label: 'random-bytes', body: { text }, contentType: 'application/json' })),
    },
    { weight: 3, arbitrary: bodyShape.map((json) => ({ label: 'body-shape', body: { json } })) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(validPayload, fc.constant({}), fc.integer()), { maxLength: 5 })
        .map((json) => ({ label: 'batched', body: { json } })),
    },
    {
      weight: 2,
      arbitrary: fc.integer({ min: 50, max: 200_000 }).map((n) => ({
        label: 'deep-json',
        body: {
          text: recipe('{"query": "{ __typename }", "variables": {"v": ', rep('[', n), '1', rep(']', n), '}}'),
        },
      })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 50, max: 5_000 }).map((n) => ({
        label: 'deep-variables',
        body: {
          text: recipe(
            '{"query": "query($f: AuditEventFilter) { auditEvents(filter: $f) { totalCount } }", "variables": {"f": ',
            rep('{"actorId": ', n),
            '"x"',
            rep('}', n),
            '}}',
          ),
        },
      })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 3 }).map((k) => ({
        label: 'oversized-body',
        body: { text: recipe('{"query": "{ __typename }", "pad": "', rep('x', bodyBytes + k * 1000), '"}') },
      })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => ({
        label: 'huge-variables',
        body: { text: recipe('{"query": "{ __typename }", "variables": {', rep('"k{i}": 1, ', n), '"z": 0}}') },
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(validPayload, contentTypes)
        .map(([json, contentType]) => ({ label: 'content-type', body: { json }, contentType })),
    },
  );

  const httpDocCase: fc.Arbitrary<HttpCase> = fc.tuple(caller, hostileDocument).map(([c, d]) => ({
    label: d.label,
    caller: c,
    method: 'POST',
    path: '/graphql',
    body: { json: { query: d.query, ...(d.variables !== undefined ? { variables: d.variables } : {}) } },
  }));

  const httpPersistedCase: fc.Arbitrary<HttpCase> = fc
    .tuple(
      caller,
      persistedQueryExtensions,
      fc.constantFrom('none', 'matching', 'other'),
      fc.constantFrom('POST', 'GET'),
    )
    .map(([c, extensions, withQuery, method]) => {
      const payload = {
        ...(withQuery === 'none' ? {} : { query: withQuery === 'matching' ? '{ __typename }' : '{ viewer { id } }' }),
        extensions,
      };
      return method === 'POST'
        ? { label: 'persisted-query', caller: c, method, path: '/graphql', body: { json: payload } }
        : {
            label: 'persisted-query-get',
            caller: c,
            method,
            path: getPath(payload),
            headers: { 'apollo-require-preflight': 'true' },
          };
    });

  const httpUnknownOperation: fc.Arbitrary<HttpCase> = fc
    .tuple(caller, unknownOperation)
    .map(([c, json]) => ({ label: 'unknown-operation', caller: c, method: 'POST', path: '/graphql', body: { json } }));

  const httpBodyCase: fc.Arbitrary<HttpCase> = fc.tuple(caller, hostileBodies).map(([c, b]) => ({
    label: b.label,
    caller: c,
    method: 'POST',
    path: '/graphql',
    body: b.body,
    ...(b.contentType !== undefined ? { contentType: b.contentType } : {}),
  }));

  const httpMethodCase: fc.Arbitrary<HttpCase> = fc
    .tuple(
      caller,
      fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'POST'),
      fc.oneof(
        fc.constantFrom(
          '/graphql',
          '/graphql/',
          '/graphql/x',
          '/GRAPHQL',
          '//graphql',
          '/graphql;x',
          '/graphql%00',
          '/%2e%2e/healthz',
          '/readyz',
          '/healthz?x=1',
          '/',
          '/graphql?',
          '/graphql?query=',
          '/graphql?query={__typename}',
          '/graphql?query={__typename}&variables=not-json',
          '/graphql?query={__typename}&extensions=[',
          '/graphql?query=mutation{__typename}',
          '/graphql?query[]=a&query[]=b',
        ),
        fc.webPath().map((p) => p || '/'),
      ),
      fc.constantFrom<Record<string, string>>(
        {},
        { 'apollo-require-preflight': 'true' },
        { accept: 'text/html' },
        { accept: 'application/graphql-response+json' },
        { accept: '*/*;q=0' },
        { 'x-apollo-operation-name': 'Q' },
      ),
      fc.option(validPayload, { nil: undefined }),
    )
    .map(([c, method, path, headers, payload]) => ({
      label: 'method-path',
      caller: c,
      method,
      path,
      headers,
      ...(payload && method !== 'GET' && method !== 'HEAD' ? { body: { json: payload } } : {}),
    }));

  const httpSubscriptionCase: fc.Arbitrary<HttpCase> = callerWithSubscription.map(([c, op]) => ({
    label: 'subscription-over-http',
    caller: c,
    method: 'POST',
    path: '/graphql',
    body: { json: { query: op.query, variables: op.variables } },
  }));

  const httpHeaderCase: fc.Arbitrary<HttpCase> = fc
    .tuple(
      principal,
      organisationHint,
      fc.option(onBehalfOfHint, { nil: undefined }),
      fc.constantFrom(
        '{ viewer { id organisation { odsCode } } }',
        '{ __typename }',
        '{ organisations { id } }',
        'mutation { setPracticeToPracticeWriteBack(input: { enabled: true }) { __typename } }',
      ),
    )
    .map(([p, organisation, onBehalfOf, query]) => ({
      label: 'caller-headers',
      caller: { principal: p, organisation, ...(onBehalfOf !== undefined ? { onBehalfOf } : {}) },
      method: 'POST',
      path: '/graphql',
      body: { json: { query } },
    }));

  const rawHttpCase: fc.Arbitrary<RawHttpCase> = fc.oneof(
    fc
      .constantFrom<[string, boolean]>(
        ['GET /graphql HTTP/1.1\r\nHost: x\r\n\r\n', true],
        ['GET /// HTTP/1.1\r\nHost: x\r\n\r\n', true],
        ['GET //graphql HTTP/1.1\r\nHost: x\r\n\r\n', true],
        ['GET http://evil.example/graphql HTTP/1.1\r\nHost: x\r\n\r\n', true],
        ['GET * HTTP/1.1\r\nHost: x\r\n\r\n', true],
        ['OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n', true],
        ['GET /graphql?query={__typename} HTTP/1.0\r\n\r\n', true],
        [
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query": "{ __typename }"}',
          false,
        ],
        [
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{"a":1}',
          true,
        ],
        [
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
          true,
        ],
        [
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
          true,
        ],
        [
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n1b\r\n{"query": "{ __typename }"}\r\n0\r\n\r\n',
          true,
        ],
        ['GET /graphql HTTP/9.9\r\n\r\n', true],
        ['GARBAGE\r\n\r\n', true],
        ['GET / HTTP/1.1\r\nHost: x\r\nX-Bad\u0000Header: 1\r\n\r\n', true],
        [
          'GET /graphql?query={__typename} HTTP/1.1\r\nHost: x\r\nApollo-Require-Preflight: 1\r\nAuthorization: Bearer \u00ff\u00fe\r\n\r\n',
          true,
        ],
        ['POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n', true],
        [
          'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n',
          true,
        ],
      )
      .map(([request, complete]) => ({ label: 'raw-http', request, complete })),
    fc
      .string({ unit: 'binary', maxLength: 120 })
      .map((s) => ({ label: 'raw-http', request: `${s}\r\n\r\n`, complete: false })),
    fc
      .tuple(
        fc.constantFrom('GET', 'POST', 'OPTIONS', 'HEAD', 'PUT'),
        fc.oneof(fc.webPath(), fc.stringMatching(/^[/.%a-z0-9?#;:@&=+$,*!~'()\\-]{1,12}$/)),
      )
      .map(([method, path]) => ({
        label: 'raw-http-path',
        request: `${method} ${path || '/'} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n`,
        complete: true,
      })),
    fc.integer({ min: 1, max: 4 }).map((k) => ({
      label: 'raw-http-headers',
      request: recipe(
        'GET /healthz HTTP/1.1\r\nHost: x\r\n',
        rep('X-Fill: yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n', 200 * k),
        '\r\n',
      ),
      complete: true,
    })),
  );

  const httpHostileCase: fc.Arbitrary<HttpCase | RawHttpCase> = weighted<HttpCase | RawHttpCase>(
    [
      httpDocCase,
      httpPersistedCase,
      httpUnknownOperation,
      httpBodyCase,
      httpMethodCase,
      httpSubscriptionCase,
      httpHeaderCase,
      rawHttpCase,
    ],
    [8, 2, 2, 6, 2, 2, 3, 1],
  );

  // --- graphql-ws ----------------------------------------------------------------------------------

  const wsCase: fc.Arbitrary<WsCase> = fc.oneof(
    {
      weight: 5,
      arbitrary: callerWithOperation.map(([c, op]) => ({
        label: `ws-schema-${op.kind}`,
        caller: c,
        payload: {
          query: op.query,
          variables: op.variables,
          ...(op.operationName !== undefined ? { operationName: op.operationName } : {}),
        },
        stream: op.kind === 'subscription',
      })),
    },
    {
      weight: 2,
      arbitrary: callerWithSubscription.map(([c, op]) => ({
        label: 'ws-schema-subscription',
        caller: c,
        payload: { query: op.query, variables: op.variables },
        stream: true,
      })),
    },
    {
      weight: 4,
      arbitrary: fc.tuple(caller, hostileDocument).map(([c, d]) => ({
        label: `ws-${d.label}`,
        caller: c,
        payload: {
          query: d.query,
          ...(d.variables !== undefined &&
          typeof d.variables === 'object' &&
          d.variables !== null &&
          !Array.isArray(d.variables)
            ? { variables: d.variables as Record<string, unknown> }
            : {}),
        },
        stream: true,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          caller,
          persistedQueryExtensions.filter(
            (e): e is Record<string, unknown> => typeof e === 'object' && e !== null && !Array.isArray(e),
          ),
        )
        .map(([c, extensions]) => ({
          label: 'ws-persisted-query',
          caller: c,
          payload: { query: '{ __typename }', extensions },
          stream: false,
        })),
    },
  );

  const messageType = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        'connection_init',
        'ping',
        'pong',
        'subscribe',
        'complete',
        'next',
        'error',
        'connection_ack',
      ),
    },
    { weight: 1, arbitrary: fc.oneof(identifier, fc.integer(), fc.constant(null), fc.constant(['subscribe'])) },
  );
  const messageId = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('1', '2', 'a') },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.integer(),
        fc.constant(null),
        fc.constant(''),
        fc.constant({}),
        hostileString,
        fc.integer({ min: 1000, max: 20_000 }).map((n) => 'i'.repeat(n)),
      ),
    },
  );
  const wsPayload = fc.oneof(
    operation.map((op) => ({ query: op.query, variables: op.variables })),
    hostileDocument.map((d) => ({ query: d.query })),
    fc.record(
      { query: fc.oneof(fc.integer(), fc.constant(null), fc.constant({}), hostileString), variables: weirdVariables },
      { requiredKeys: [] },
    ),
    fc.jsonValue({ maxDepth: 3 }),
  );

  const frame: fc.Arbitrary<WsFrame> = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ init: true as const }) },
    {
      weight: 1,
      arbitrary: fc.jsonValue({ maxDepth: 3 }).map((payloadOverride) => ({ init: true as const, payloadOverride })),
    },
    { weight: 5, arbitrary: fc.record({ id: messageId, payload: wsPayload }).map((subscribe) => ({ subscribe })) },
    {
      weight: 3,
      arbitrary: fc
        .record(
          {
            type: messageType,
            id: messageId,
            payload: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 3 })),
          },
          { requiredKeys: ['type'] },
        )
        .map((json) => ({ json })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.constantFrom('{', '{"type":', '{"type":"subscribe","id":"1","payload":', 'null', '[]', '""'),
        )
        .map((text) => ({ text })),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => ({ binary: [...b] })) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 3 })
        .map((k) => ({ text: recipe('{"type":"ping","payload":"', rep('x', bodyBytes + k * 1000), '"}') })),
    },
  );

  const rawWsCase: fc.Arbitrary<RawWsCase> = fc.record({
    label: fc.constant('ws-raw'),
    caller,
    protocols: fc.oneof(
      { weight: 8, arbitrary: fc.constant(['graphql-transport-ws']) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<string[] | undefined>(
          undefined,
          ['graphql-ws'],
          ['graphql-transport-ws', 'graphql-ws'],
          ['x'],
          ['GRAPHQL-TRANSPORT-WS'],
        ),
      },
    ),
    frames: fc.array(frame, { minLength: 1, maxLength: 8 }),
  });

  return { caller, hostileString, cursor, globalId, operation, httpSchemaCase, httpHostileCase, wsCase, rawWsCase };
}

/** A payload with its `query` recipe (if any) spelled out. */
export function materialize(payload: unknown): unknown {
  if (
    payload &&
    typeof payload === 'object' &&
    !Array.isArray(payload) &&
    isTextRecipe((payload as { query?: unknown }).query)
  ) {
    return { ...payload, query: renderText((payload as { query: Text }).query) };
  }
  return payload;
}
