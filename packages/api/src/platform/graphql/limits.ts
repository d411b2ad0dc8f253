import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Limits on one operation; the same for HTTP and WebSocket. */
export interface OperationLimits {
  readonly depth: number;
  readonly aliases: number;
  readonly cost: number;
  readonly tokens: number;
}

function tooComplex(message: string, operation: OperationDefinitionNode, limit: string, max: number): GraphQLError {
  return new GraphQLError(message, {
    nodes: [operation],
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, http: { status: 400 } },
  });
}

interface Measure {
  readonly depth: number;
  readonly aliases: number;
  readonly cost: number;
}

const EMPTY: Measure = { depth: 0, aliases: 0, cost: 0 };

/**
 * Cost counts the objects an operation asks for: each field with a selection costs 1, and lists
 * multiply what they contain by their page size (`first` or `last`, default 20). Scalar fields
 * are free (they come with their object).
 */
const DEFAULT_LIST_SIZE = 20;
const PAGE_ARGUMENTS = new Set(['first', 'last']);

type Variables = Readonly<Record<string, unknown>>;

function pageSize(args: readonly ArgumentNode[] | undefined, variables: Variables): number {
  let size = 0;
  for (const argument of args ?? []) {
    if (!PAGE_ARGUMENTS.has(argument.name.value)) continue;
    const { value } = argument;
    let n: unknown = DEFAULT_LIST_SIZE;
    if (value.kind === Kind.INT) n = Number(value.value);
    else if (value.kind === Kind.VARIABLE) n = variables[value.name.value] ?? DEFAULT_LIST_SIZE;
    size = Math.max(size, typeof n === 'number' && !Number.isNaN(n) ? n : DEFAULT_LIST_SIZE);
  }
  return Math.max(1, size);
}

/**
 * Measures one operation in time linear in the document: each fragment is measured once and its
 * measure reused at every spread (a chain of doubled spreads would otherwise cost 2^levels).
 * Page sizes come from literals or from the operation's coerced variable values.
 */
class Measurer {
  private readonly memo = new Map<string, Measure>();
  private readonly active = new Set<string>();

  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
  ) {}

  fragment(name: string): Measure {
    const known = this.memo.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // A fragment cycle is refused by graphql-js's own rules; here it only must not loop.
    if (!fragment || this.active.has(name)) return EMPTY;
    this.active.add(name);
    const measured = this.selectionSet(fragment.selectionSet);
    this.active.delete(name);
    this.memo.set(name, measured);
    return measured;
  }

  selectionSet(selectionSet: SelectionSetNode): Measure {
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const inner = selection.selectionSet ? this.selectionSet(selection.selectionSet) : EMPTY;
        depth = Math.max(depth, 1 + inner.depth);
        aliases += (selection.alias ? 1 : 0) + inner.aliases;
        // Objects cost (each is a row or a load); scalar leaves come with their object for free.
        cost += selection.selectionSet ? 1 + pageSize(selection.arguments, this.variables) * inner.cost : 0;
      } else {
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT
            ? this.selectionSet(selection.selectionSet)
            : this.fragment(selection.name.value);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
        cost += inner.cost;
      }
    }
    return { depth, aliases, cost };
  }
}

/**
 * Checks depth, aliases and cost of the operation a request will run, with its actual variable
 * values (coerced as execution will coerce them). One implementation for HTTP (an Apollo plugin)
 * and graphql-ws (the subscribe hook). Tokens are limited at parse time.
 */
export function checkOperationLimits(
  limits: OperationLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Readonly<Record<string, unknown>> | null | undefined,
): GraphQLError[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  // Variables that do not coerce fail execution with BAD_USER_INPUT; measure with defaults meanwhile.
  const variables = coerced.coerced ?? {};
  const { depth, aliases, cost } = new Measurer(fragments, variables).selectionSet(operation.selectionSet);
  const errors: GraphQLError[] = [];
  if (depth > limits.depth) {
    errors.push(
      tooComplex(`Query depth ${depth} exceeds the limit of ${limits.depth}`, operation, 'depth', limits.depth),
    );
  }
  if (aliases > limits.aliases) {
    errors.push(
      tooComplex(`Query uses ${aliases} aliases; the limit is ${limits.aliases}`, operation, 'aliases', limits.aliases),
    );
  }
  if (cost > limits.cost) {
    errors.push(tooComplex(`Query cost ${cost} exceeds the limit of ${limits.cost}`, operation, 'cost', limits.cost));
  }
  return errors;
}
