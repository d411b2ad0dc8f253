import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type ASTNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Limits on one operation; the same for HTTP and WebSocket. */
export interface OperationLimits {
  readonly depth: number;
  readonly aliases: number;
  readonly cost: number;
  readonly tokens: number;
}

function tooComplex(message: string, node: ASTNode | undefined, limit: string, max: number): GraphQLError {
  return new GraphQLError(message, { nodes: node ? [node] : undefined, extensions: { code: 'QUERY_TOO_COMPLEX', limit, max } });
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/** Lists multiply the cost of what they contain by their page size (`first`, default 20). */
const DEFAULT_LIST_SIZE = 20;

function listMultiplier(args: readonly ArgumentNode[] | undefined): number {
  const first = args?.find((a) => a.name.value === 'first');
  if (first && first.value.kind === Kind.INT) return Math.max(1, Number(first.value.value));
  // Variables are not known at validation time; assume the default page.
  return first ? DEFAULT_LIST_SIZE : 1;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  seen: ReadonlySet<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let inner: Measure;
    let own = 0;
    let multiplier = 1;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      if (selection.alias) aliases += 1;
      own = 1;
      multiplier = listMultiplier(selection.arguments);
      inner = selection.selectionSet ? measure(selection.selectionSet, fragments, seen) : { depth: 0, aliases: 0, cost: 0 };
      depth = Math.max(depth, 1 + inner.depth);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, seen);
      depth = Math.max(depth, inner.depth);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // A fragment cycle is rejected by graphql-js's own rules; here it only must not loop.
      if (!fragment || seen.has(name)) continue;
      inner = measure(fragment.selectionSet, fragments, new Set([...seen, name]));
      depth = Math.max(depth, inner.depth);
    }
    aliases += inner.aliases;
    cost += own + multiplier * inner.cost;
  }
  return { depth, aliases, cost };
}

/** One validation rule enforcing depth, alias and cost limits (tokens are limited at parse time). */
export function operationLimitsRule(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext) => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(operation) {
        const { depth, aliases, cost } = measure(operation.selectionSet, fragments, new Set());
        if (depth > limits.depth) {
          context.reportError(tooComplex(`Query depth ${depth} exceeds the limit of ${limits.depth}`, operation, 'depth', limits.depth));
        }
        if (aliases > limits.aliases) {
          context.reportError(tooComplex(`Query uses ${aliases} aliases; the limit is ${limits.aliases}`, operation, 'aliases', limits.aliases));
        }
        if (cost > limits.cost) {
          context.reportError(tooComplex(`Query cost ${cost} exceeds the limit of ${limits.cost}`, operation, 'cost', limits.cost));
        }
      },
    };
  };
}
