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

/** Control characters in string literals of the document, named by the argument that holds them. */
function controlCharacterInLiterals(document: DocumentNode): string | null {
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
    : new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: error.extensions });
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
    const errors = validate(schema, document, rules);
    if (errors.length > 0) {
      return {
        errors: errors.map((error) => {
          const shown = hideSuggestions ? withoutSuggestions(error) : error;
          return new GraphQLError(shown.message, { nodes: shown.nodes, extensions: { ...shown.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } });
        }),
      };
    }
    return { document };
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
        return [coded(operationName ? `Unknown operation named "${operationName}"` : 'Name the operation to run (operationName)', 'BAD_USER_INPUT', 400, { field: 'operationName' })];
      }
      const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 10 });
      if (coercion.errors) {
        return coercion.errors.map((error) => coded(scrubValues(error.message), 'BAD_USER_INPUT', 400, { field: fieldFromMessage(error.message) ?? 'variables' }));
      }
    }
    if (transport === 'http' && operation?.operation === OperationTypeNode.SUBSCRIPTION) {
      return [coded('Subscriptions are served over the graphql-ws protocol (a WebSocket on this URL), not over HTTP', 'BAD_USER_INPUT')];
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
