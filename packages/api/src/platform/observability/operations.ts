import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../context.js';
import { trace } from '@opentelemetry/api';
import { metrics } from './metrics.js';

/** What the request log line and the metrics learn about one GraphQL request. */
export interface OperationFacts {
  type: string;
  /** The first root field: bounded by the schema, unlike client-chosen operation names. */
  field: string;
  /** The client's operation name, for logs only (never a metric label). */
  name: string | null;
  outcome: string;
}

/** The first root field of an operation (through fragments of the root type too). */
export function rootField(operation: OperationDefinitionNode | null | undefined): string {
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind === Kind.FIELD) return selection.name.value;
  }
  return operation ? 'fragment' : 'none';
}

/**
 * Observes each HTTP GraphQL operation: counts and times it by type and root field, counts its
 * errors by code, and hands the facts to `report` for the request's log line.
 */
export function operationObserver(
  report: (requestId: string, facts: OperationFacts) => void,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didResolveOperation({ operation, operationName }) {
          // The operation span (started around the request's execution) learns its type and name.
          const span = trace.getActiveSpan();
          if (span?.isRecording()) {
            const type = operation?.operation ?? 'unknown';
            span.updateName(`${type} ${operationName ?? rootField(operation)}`.slice(0, 120));
            span.setAttributes({
              'graphql.operation.type': type,
              'graphql.operation.name': (operationName ?? '').slice(0, 100),
            });
          }
        },
        async willSendResponse({ operation, operationName, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) =>
            typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
          );
          const facts: OperationFacts = {
            type: operation?.operation ?? 'unknown',
            field: rootField(operation),
            name: operationName ?? null,
            outcome: codes[0] ?? 'ok',
          };
          for (const code of codes) metrics.operationErrors.inc({ code });
          metrics.operations.inc({ type: facts.type, field: facts.field, outcome: facts.outcome });
          metrics.operationDuration.observe(
            { type: facts.type, field: facts.field },
            (performance.now() - started) / 1000,
          );
          report(contextValue.requestId, facts);
        },
      };
    },
  };
}
