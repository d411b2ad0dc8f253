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
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
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

function coded(message: string, code: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
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
    if (transport === 'http' && operation?.operation === OperationTypeNode.SUBSCRIPTION) {
      return [coded('Subscriptions are served over the graphql-ws protocol (a WebSocket on this URL), not over HTTP', 'BAD_USER_INPUT')];
    }
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
