import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getVariableValues,
  isAbstractType,
  Kind,
  OperationTypeNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type OperationDefinitionNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Most compiled operations kept (least recently used dropped first); clients send a few dozen. */
const MAX_COMPILED = 500;
/** Most operations counted towards `compileAfter` (the count starts again past it). */
const MAX_COUNTED = 5_000;
/**
 * Largest operation compiled, in selections with fragments expanded. Compiling is synchronous and
 * costs about 0.1 ms per selection (1,200 aliased `viewer { id }` held the event loop for 290 ms),
 * while the hub's own clients' largest operations have under 100: anything bigger runs on graphql-js,
 * which yields between resolvers.
 */
export const MAX_COMPILED_SELECTIONS = 200;

/**
 * Queries and mutations run as JavaScript compiled once per operation by graphql-jit, instead of
 * graphql-js walking the document for every request: the same resolvers, the same results and
 * errors, about half the execution cost of a page of 50. The operation guard has already parsed and
 * validated the document against the same schema; anything graphql-jit does not compile (a
 * subscription sent over HTTP) runs on graphql-js as before.
 *
 * Apollo Server 5 takes an executor only through its gateway interface: {@link compiledGateway}
 * is that interface over one fixed schema.
 */
export function compiledExecutor(schema: GraphQLSchema, compileAfter: number): GatewayExecutor {
  synchronousTypeResolution(schema);
  type Compiled = CompiledQuery<Record<string, unknown>, Record<string, unknown>>;
  const compiled = new Map<string, Compiled>();
  const runs = new Map<string, number>();

  /** True once `key` has run often enough to be worth compiling (and never for an anonymous caller). */
  function worthCompiling(
    key: string,
    context: { actor?: unknown },
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): boolean {
    if (compiled.has(key)) return true;
    if (!context.actor) return false;
    const count = (runs.get(key) ?? 0) + 1;
    if (count >= compileAfter) {
      runs.delete(key);
      return withinSelections(document, operation, MAX_COMPILED_SELECTIONS);
    }
    if (runs.size >= MAX_COUNTED) runs.clear();
    runs.set(key, count);
    return false;
  }

  function compiledFor(
    key: string,
    document: DocumentNode,
    operationName: string | undefined,
  ): Compiled | ExecutionResult {
    const known = compiled.get(key);
    if (known) {
      // Map order is insertion order: move it to the back, the most recently used end.
      compiled.delete(key);
      compiled.set(key, known);
      return known;
    }
    const made = compileQuery<Record<string, unknown>, Record<string, unknown>>(schema, document, operationName, {
      disablingCapturingStackErrors: true,
    });
    if (!isCompiledQuery(made)) return made;
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, made);
    return made;
  }

  return async (requestContext): Promise<ExecutionResult> => {
    const { document, request, context, queryHash } = requestContext;
    // Typed as always present; Apollo passes none when the document has no operation of that name.
    const operation = requestContext.operation as OperationDefinitionNode | undefined;
    const operationName = request.operationName ?? undefined;
    const variableValues = request.variables ?? {};
    const key = `${queryHash}:${operationName ?? ''}`;
    // No operation of that name (Apollo answers graphql-js's own error), a subscription over HTTP, or
    // an operation not (yet) worth compiling: graphql-js, as without this executor.
    if (
      !operation ||
      operation.operation === OperationTypeNode.SUBSCRIPTION ||
      !worthCompiling(key, context, document, operation)
    ) {
      return execute({ schema, document, contextValue: context, variableValues, operationName });
    }
    // Variables are checked by graphql-js first: a refusal then reads exactly as it always has (the
    // hub's errors name the input path from graphql-js's wording); graphql-jit coerces them again.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const query = compiledFor(key, document, operationName);
    if (!isCompiledQuery(query)) return query;
    return query.query(undefined, context, variableValues);
  };
}

/**
 * True when `operation` has at most `limit` selections with its fragments expanded (as graphql-jit
 * would inline them). The walk stops past the limit, so its cost is bounded by the limit, not by the
 * document; validation has already refused fragment cycles.
 */
export function withinSelections(document: DocumentNode, operation: OperationDefinitionNode, limit: number): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let remaining = limit;
  const walk = (set: SelectionSetNode): boolean => {
    for (const selection of set.selections) {
      if (--remaining < 0) return false;
      const next =
        selection.kind === Kind.FRAGMENT_SPREAD
          ? fragments.get(selection.name.value)?.selectionSet
          : selection.selectionSet;
      if (next && !walk(next)) return false;
    }
    return true;
  };
  return walk(operation.selectionSet);
}

/** Apollo Server's gateway interface over one fixed schema, executing with {@link compiledExecutor}. */
export function compiledGateway(schema: GraphQLSchema, compileAfter: number): GatewayInterface {
  return {
    async load() {
      return { schema, executor: compiledExecutor(schema, compileAfter) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}

/**
 * type-graphql wraps every `resolveType` in an async function; graphql-jit calls it synchronously
 * and takes the promise for a type name. Every abstract type of the hub's schema resolves by the
 * value's `__typename` (the mappers set it), so that answer is given at once; a value without one
 * still goes to the original resolver (graphql-js then, as before).
 */
function synchronousTypeResolution(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || !type.resolveType) continue;
    const original: GraphQLTypeResolver<unknown, unknown> = type.resolveType;
    type.resolveType = (value, context, info, abstractType) => {
      const named = (value as { __typename?: unknown } | null)?.__typename;
      return typeof named === 'string' ? named : original(value, context, info, abstractType);
    };
  }
}
