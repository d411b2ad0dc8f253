// Builds one GraphQL operation per root field of the hub's schema: every Query, Mutation and
// Subscription field, with all of its arguments as variables and a selection set that picks
// scalars and enums a few levels deep. The SDK's typed client is generated from these documents,
// so a vendor gets a ready typed call for every field of the API.
import {
  Kind,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  isAbstractType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  print,
  validate,
} from 'graphql';

/**
 * The hub's default operation limits (GRAPHQL_MAX_TOKENS, GRAPHQL_MAX_COST and GRAPHQL_MAX_DEPTH
 * and GRAPHQL_MAX_ALIASES in the API's configuration). A generated operation must pass them, or the typed call would be
 * refused by every default deployment; an operation over budget is generated shallower.
 */
export const HUB_LIMITS = Object.freeze({ tokens: 2000, cost: 5000, depth: 12, aliases: 30 });

/** Levels of nested objects selected below a root field, before the budget makes it shallower. */
export const MAX_SELECTION_DEPTH = 3;

/** The page size the hub's cost rule assumes for a `first` argument given as a variable. */
const DEFAULT_LIST_SIZE = 20;

const ROOT_KINDS = /** @type {const} */ ([
  ['query', 'Query', (schema) => schema.getQueryType()],
  ['mutation', 'Mutation', (schema) => schema.getMutationType()],
  ['subscription', 'Subscription', (schema) => schema.getSubscriptionType()],
]);

const capitalise = (name) => name.charAt(0).toUpperCase() + name.slice(1);

/** A field can be selected without arguments when none of its arguments is required. */
const selectable = (field) =>
  !field.deprecationReason && field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

/** A Relay connection: `edges { node }` and `pageInfo`. Its wrapper levels do not count as depth. */
function connectionNode(type) {
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  if (!fields.edges || !fields.pageInfo) return null;
  const edge = getNamedType(fields.edges.type);
  if (!isObjectType(edge) || !edge.getFields().node) return null;
  return edge;
}

/**
 * The selected fields of `type` at `level` (1 = the root field's own type), each as its response
 * name, its type and a renderer taking an optional alias. Objects below `maxDepth` are expanded;
 * deeper ones are left out. Unions and interfaces select `__typename` and an inline fragment per
 * possible type at the same level.
 */
function fieldsOf(schema, type, level, options) {
  if (isAbstractType(type))
    return [
      { name: '__typename', typeKey: 'String!', render: () => '__typename' },
      ...fragmentsOf(schema, type, level, options),
    ];
  if (!isObjectType(type)) return [];
  const edge = connectionNode(type);
  const entries = [];
  const add = (field, inner) => {
    const body = inner === null ? '' : ` { ${inner} }`;
    entries.push({
      name: field.name,
      typeKey: String(field.type),
      render: (alias) => `${alias ? `${alias}: ` : ''}${field.name}${body}`,
    });
  };
  for (const field of Object.values(type.getFields())) {
    if (!selectable(field)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      add(field, null);
      continue;
    }
    if (edge && field.name === 'edges') {
      const inner = selectionOf(schema, getNamedType(edge.getFields().node.type), level, options);
      if (inner) add(field, `${edge.getFields().cursor ? 'cursor ' : ''}node { ${inner} }`);
      continue;
    }
    // pageInfo and a connection's other fields stay at the connection's level: the wrapper is not depth.
    if (level >= options.maxDepth && !(edge && field.name === 'pageInfo')) continue;
    const inner = selectionOf(schema, named, edge && field.name === 'pageInfo' ? level : level + 1, options);
    if (inner) add(field, inner);
  }
  return entries;
}

/**
 * Inline fragments of every possible type. Two fragments selecting one response name with
 * different types would be invalid GraphQL ("fields conflict"): such a field keeps its name where
 * its type matches the first fragment that selects it, and elsewhere is aliased
 * `<typeName><Field>` (or, when aliases would break the hub's limits, left out).
 */
function fragmentsOf(schema, type, level, options) {
  const perType = schema
    .getPossibleTypes(type)
    .map((possible) => [possible, fieldsOf(schema, possible, level, options)]);
  const firstType = new Map();
  for (const [, entries] of perType)
    for (const entry of entries) if (!firstType.has(entry.name)) firstType.set(entry.name, entry.typeKey);
  const fragments = [];
  for (const [possible, entries] of perType) {
    const lines = [];
    for (const entry of entries) {
      if (firstType.get(entry.name) === entry.typeKey) lines.push(entry.render(null));
      else if (options.conflicts === 'alias')
        lines.push(
          entry.render(`${possible.name.charAt(0).toLowerCase()}${possible.name.slice(1)}${capitalise(entry.name)}`),
        );
    }
    if (lines.length > 0)
      fragments.push({
        name: `... on ${possible.name}`,
        typeKey: possible.name,
        render: () => `... on ${possible.name} { ${lines.join(' ')} }`,
      });
  }
  return fragments;
}

/** The selection set body of `type`, or null when nothing is selectable. */
function selectionOf(schema, type, level, options) {
  const entries = fieldsOf(schema, type, level, options);
  return entries.length ? entries.map((entry) => entry.render(null)).join(' ') : null;
}

function operationText(schema, kind, rootField, options) {
  const suffix = capitalise(kind);
  const name = `${capitalise(rootField.name)}${suffix}`;
  const variables = rootField.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const args = rootField.args.map((arg) => `${arg.name}: $${arg.name}`);
  const head = `${kind} ${name}${variables.length ? `(${variables.join(', ')})` : ''}`;
  const call = `${rootField.name}${args.length ? `(${args.join(', ')})` : ''}`;
  const named = getNamedType(rootField.type);
  if (isLeafType(named)) return { name, text: `${head} { ${call} }` };
  const inner = selectionOf(schema, named, 1, options);
  return { name, text: `${head} { ${call} { ${inner ?? '__typename'} } }` };
}

function tokenCount(text) {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** The hub's measure: every field costs 1, times the page size of a list with `first`; aliases count. */
function measure(selectionSet) {
  let depth = 0;
  let cost = 0;
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      if (selection.alias) aliases += 1;
      const first = selection.arguments?.find((arg) => arg.name.value === 'first');
      const multiplier = !first
        ? 1
        : first.value.kind === Kind.INT
          ? Math.max(1, Number(first.value.value))
          : DEFAULT_LIST_SIZE;
      const inner = selection.selectionSet ? measure(selection.selectionSet) : { depth: 0, cost: 0, aliases: 0 };
      depth = Math.max(depth, 1 + inner.depth);
      cost += 1 + multiplier * inner.cost;
      aliases += inner.aliases;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      aliases += inner.aliases;
    }
  }
  return { depth, cost, aliases };
}

/** Checks one operation against the schema and the hub's limits; returns the problems found. */
export function operationProblems(schema, text) {
  const document = parse(text);
  const problems = validate(schema, document).map((error) => error.message);
  const tokens = tokenCount(text);
  if (tokens > HUB_LIMITS.tokens) problems.push(`${tokens} tokens (limit ${HUB_LIMITS.tokens})`);
  const operation = document.definitions[0];
  const { depth, cost, aliases } = measure(operation.selectionSet);
  if (aliases > HUB_LIMITS.aliases) problems.push(`${aliases} aliases (limit ${HUB_LIMITS.aliases})`);
  if (depth > HUB_LIMITS.depth) problems.push(`depth ${depth} (limit ${HUB_LIMITS.depth})`);
  if (cost > HUB_LIMITS.cost) problems.push(`cost ${cost} (limit ${HUB_LIMITS.cost})`);
  return problems;
}

/** True when a mutation field takes an `input` object with an `idempotencyKey` field. */
function takesIdempotencyKey(field) {
  const input = field.args.find((arg) => arg.name === 'input');
  const type = input && getNamedType(input.type);
  return Boolean(type && isInputObjectType(type) && type.getFields().idempotencyKey);
}

/** Selection settings tried in turn, richest first, until an operation passes the hub's limits. */
const ATTEMPTS = Array.from({ length: MAX_SELECTION_DEPTH }, (_, i) => MAX_SELECTION_DEPTH - i).flatMap((maxDepth) => [
  { maxDepth, conflicts: 'alias' },
  { maxDepth, conflicts: 'omit' },
]);

/**
 * One operation per root field, in schema order. Each is generated at {@link MAX_SELECTION_DEPTH}
 * and made shallower until it passes the hub's limits; a field that fits at no depth fails the run.
 */
export function buildOperations(schema) {
  const operations = [];
  for (const [kind, , rootOf] of ROOT_KINDS) {
    const root = rootOf(schema);
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      let built = null;
      let lastProblems;
      for (const options of ATTEMPTS) {
        const candidate = operationText(schema, kind, field, options);
        lastProblems = operationProblems(schema, candidate.text);
        if (lastProblems.length === 0) {
          built = { ...candidate, depth: options.maxDepth };
          break;
        }
      }
      if (!built)
        throw new Error(`${kind} ${field.name}: no selection fits the hub's limits: ${lastProblems.join('; ')}`);
      operations.push({
        kind,
        field: field.name,
        name: built.name,
        depth: built.depth,
        text: print(parse(built.text)),
        idempotent: kind === 'mutation' && takesIdempotencyKey(field),
      });
    }
  }
  return operations;
}
