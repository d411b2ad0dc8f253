import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
  getVariableValues,
  Kind,
  BREAK,
  visit,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { fieldFromMessage, scrubValues } from '../errors.js';
import { checkOperationLimits, type OperationLimits } from './limits.js';

/** What both doors (HTTP and graphql-ws) enforce on a document before it runs. */
export interface OperationGuardOptions {
  readonly schema: GraphQLSchema;
  readonly limits: OperationLimits;
  /** Introspection answered (off in production unless GRAPHQL_INTROSPECTION=true). */
  readonly introspection: boolean;
  /** Hide "Did you mean ...?" suggestions, which reveal the schema (production). */
  readonly hideSuggestions: boolean;
}

function coded(message: string, code: string, status = 400, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extra, code, http: { status } } });
}

/** NUL and the other C0 control characters except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The path of the first string in `value` holding a control character, or null. */
function controlCharacterAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 50) return null;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [`${path}[${i}]`, v] as [string, unknown])
    : Object.entries(value).map(([k, v]) => [`${path}.${k}`, v] as [string, unknown]);
  for (const [at, v] of entries) {
    const found = controlCharacterAt(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

const literalScans = new WeakMap<DocumentNode, string | null>();

/**
 * Control characters in string literals of the document, named by the argument that holds them.
 * Memoised per document (Apollo's document store hands back the same object).
 */
function controlCharacterInLiterals(document: DocumentNode): string | null {
  const known = literalScans.get(document);
  if (known !== undefined) return known;
  const found = scanLiterals(document);
  literalScans.set(document, found);
  return found;
}

function scanLiterals(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Argument(node) {
      if (found) return BREAK;
      const hit = { control: false };
      visit(node.value, {
        StringValue(literal) {
          hit.control = CONTROL.test(literal.value);
          return hit.control ? BREAK : undefined;
        },
      });
      if (hit.control) found = node.name.value;
      return undefined;
    },
  });
  return found;
}

/** graphql-js appends `Did you mean "x"?` to unknown names; in production that leaks the schema. */
function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(/ ?Did you mean [^?]*\?/g, '');
  return message === error.message
    ? error
    : new GraphQLError(message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        extensions: error.extensions,
      });
}

/** Bounds that keep graphql-js's validation linear in practice (refused as QUERY_TOO_COMPLEX). */
export const STRUCTURE_LIMITS = { fragments: 100, spreadsPerSelection: 50, sameNamePerSelection: 50 } as const;

/** One linear walk over the document: fragment count, spreads and same-named fields per selection set. */
function structureErrors(document: DocumentNode): GraphQLError[] {
  const tooComplex = (message: string, limit: keyof typeof STRUCTURE_LIMITS) =>
    new GraphQLError(message, {
      extensions: { code: 'QUERY_TOO_COMPLEX', limit, max: STRUCTURE_LIMITS[limit], http: { status: 400 } },
    });
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).length;
  if (fragments > STRUCTURE_LIMITS.fragments) {
    return [
      tooComplex(
        `The document defines ${fragments} fragments; the limit is ${STRUCTURE_LIMITS.fragments}`,
        'fragments',
      ),
    ];
  }
  const result: { error: GraphQLError | null } = { error: null };
  visit(document, {
    SelectionSet(set) {
      let spreads = 0;
      let most = 0;
      const names = new Map<string, number>();
      for (const selection of set.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) spreads += 1;
        else {
          const name = selection.alias?.value ?? selection.name.value;
          const count = (names.get(name) ?? 0) + 1;
          names.set(name, count);
          most = Math.max(most, count);
        }
      }
      if (spreads > STRUCTURE_LIMITS.spreadsPerSelection) {
        result.error = tooComplex(
          `A selection holds ${spreads} fragments; the limit is ${STRUCTURE_LIMITS.spreadsPerSelection}`,
          'spreadsPerSelection',
        );
      } else if (most > STRUCTURE_LIMITS.sameNamePerSelection) {
        result.error = tooComplex(
          `A selection asks for one field ${most} times; the limit is ${STRUCTURE_LIMITS.sameNamePerSelection}`,
          'sameNamePerSelection',
        );
      }
      return result.error ? BREAK : undefined;
    },
  });
  return result.error ? [result.error] : [];
}

/**
 * The document rules of the hub, in one place for both transports: parse with a token cap,
 * graphql-js validation (plus introspection refusal where it is off), then the operation limits
 * with the request's own variable values, and subscriptions only over graphql-ws.
 */
export function createOperationGuard(options: OperationGuardOptions) {
  const { schema, limits, introspection, hideSuggestions } = options;
  const extraRules: ValidationRule[] = introspection ? [] : [NoSchemaIntrospectionCustomRule];
  const rules = [...specifiedRules, ...extraRules];

  /** Parses and validates a graphql-ws document; errors carry the GraphQL codes HTTP uses. */
  function parseAndValidate(query: unknown): { document: DocumentNode } | { errors: GraphQLError[] } {
    if (typeof query !== 'string' || query.trim() === '') {
      return { errors: [coded('The message must carry a non-empty query', 'BAD_USER_INPUT')] };
    }
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.tokens });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'Could not parse the document';
      const code = /token limit/i.test(message) ? 'QUERY_TOO_COMPLEX' : 'GRAPHQL_PARSE_FAILED';
      return { errors: [coded(message, code)] };
    }
    const errors = validateDocument(document);
    return errors.length > 0 ? { errors } : { document };
  }

  /** Validation results per parsed document (Apollo's document store hands back the same object). */
  const validated = new WeakMap<DocumentNode, GraphQLError[]>();

  /**
   * The structural pre-check (linear), then graphql-js validation. graphql-js's overlapping-fields
   * rule is quadratic in the fields that merge into one selection set, so what could make it so
   * (many fragments, many spreads or same-named fields in one selection set) is refused first.
   */
  function validateDocument(document: DocumentNode): GraphQLError[] {
    const known = validated.get(document);
    if (known) return known;
    const structural = structureErrors(document);
    const errors =
      structural.length > 0
        ? structural
        : validate(schema, document, rules).map((error) => {
            const shown = hideSuggestions ? withoutSuggestions(error) : error;
            return new GraphQLError(shown.message, {
              nodes: shown.nodes,
              extensions: { ...shown.extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          });
    validated.set(document, errors);
    return errors;
  }

  /** Limits with real variable values; for HTTP also refuses subscriptions (they live on graphql-ws). */
  function checkOperation(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Readonly<Record<string, unknown>> | null | undefined,
    transport: 'http' | 'ws',
  ): GraphQLError[] {
    const operation = getOperationAST(document, operationName);
    if (transport === 'ws') {
      // Over HTTP, Apollo answers these with codes; graphql-ws would leave them code-less.
      if (!operation) {
        return [
          coded(
            operationName ? `Unknown operation named "${operationName}"` : 'Name the operation to run (operationName)',
            'BAD_USER_INPUT',
            400,
            { field: 'operationName' },
          ),
        ];
      }
      const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
        maxErrors: 10,
      });
      if (coercion.errors) {
        return coercion.errors.map((error) =>
          coded(scrubValues(error.message), 'BAD_USER_INPUT', 400, {
            field: fieldFromMessage(error.message) ?? 'variables',
          }),
        );
      }
    }
    if (transport === 'http' && operation?.operation === OperationTypeNode.SUBSCRIPTION) {
      return [
        coded(
          'Subscriptions are served over the graphql-ws protocol (a WebSocket on this URL), not over HTTP',
          'BAD_USER_INPUT',
        ),
      ];
    }
    // Text the hub stores never holds NUL or other control characters (PostgreSQL refuses NUL).
    const atVariable = controlCharacterAt(variables ?? {}, '')?.replace(/^\./, '') ?? null;
    const at = atVariable ?? controlCharacterInLiterals(document);
    if (at) return [coded(`${at} contains a control character`, 'BAD_USER_INPUT', 400, { field: at })];
    return checkOperationLimits(limits, schema, document, operationName, variables);
  }

  /** The Apollo Server side: introspection and suggestions are Apollo settings; limits run here. */
  function apolloPlugin(): ApolloServerPlugin {
    return {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, operationName, request }) {
            // Apollo's own validation is off (dangerouslyDisableValidation): the same rules as
            // graphql-ws run here, after the linear pre-check, cached per document.
            const invalid = validateDocument(document);
            if (invalid[0]) throw invalid[0];
            const errors = checkOperation(document, operationName, request.variables, 'http');
            const [first] = errors;
            if (first) throw first;
          },
        };
      },
    };
  }

  return { parseAndValidate, checkOperation, apolloPlugin };
}

export type OperationGuard = ReturnType<typeof createOperationGuard>;
