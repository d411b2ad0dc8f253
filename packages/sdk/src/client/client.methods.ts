import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { mutationDocuments, queryDocuments, subscriptionDocuments } from '../generated/operations.js';
import type { AnyHubDocument, Variables } from './client.operation.js';
import { iterateSubscription, type HubEventIterator } from './client.iterate.js';
import type { SubscriptionHandlers, Unsubscribe } from './client.subscriptions.js';

/** Per-call options of a query or mutation. */
export interface RequestOptions {
  /** Aborts the call (and its retries). */
  readonly signal?: AbortSignal;
}

/**
 * The argument list of an operation: variables are optional when every variable is, and
 * required otherwise.
 */
export type OperationArgs<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions];

type QueryDocuments = typeof queryDocuments;
type MutationDocuments = typeof mutationDocuments;
type SubscriptionDocuments = typeof subscriptionDocuments;

/** One generated method: takes the operation's variables, resolves to its root field's value. */
export type OperationMethod<TDocument, TField extends string> = (
  ...args: OperationArgs<VariablesOf<TDocument>>
) => Promise<ResultOf<TDocument> extends Record<TField, infer TValue> ? TValue : never>;

/** The message type of a generated subscription: its root field's value. */
export type SubscriptionMessage<TDocument, TField extends string> =
  ResultOf<TDocument> extends Record<TField, infer TValue> ? TValue : never;

/** One generated subscription: with handlers it returns an unsubscribe function, without them an async iterator. */
export interface SubscriptionMethod<TDocument, TField extends string> {
  (
    variables: VariablesOf<TDocument>,
    handlers: SubscriptionHandlers<SubscriptionMessage<TDocument, TField>>,
  ): Unsubscribe;
  (variables: VariablesOf<TDocument>): HubEventIterator<SubscriptionMessage<TDocument, TField>>;
}

/** `client.queries.<field>(variables)`: one typed method per Query field of the hub's schema. */
export type QueryMethods = { readonly [K in keyof QueryDocuments]: OperationMethod<QueryDocuments[K], K> };
/** `client.mutations.<field>(variables)`: one typed method per Mutation field of the hub's schema. */
export type MutationMethods = { readonly [K in keyof MutationDocuments]: OperationMethod<MutationDocuments[K], K> };
/** `client.subscriptions.<field>(variables, handlers?)`: one per Subscription field of the hub's schema. */
export type SubscriptionMethods = {
  readonly [K in keyof SubscriptionDocuments]: SubscriptionMethod<SubscriptionDocuments[K], K>;
};

type Request = (document: AnyHubDocument, variables?: Variables, options?: RequestOptions) => Promise<unknown>;
type Subscribe = (
  document: AnyHubDocument,
  variables: Variables | undefined,
  handlers: SubscriptionHandlers<unknown>,
) => Unsubscribe;

const fieldOf = (data: unknown, field: string): unknown => (data as Record<string, unknown>)[field];

/** Builds the generated method maps over a client's `request` and `subscribe`. */
export function buildMethods(
  request: Request,
  subscribe: Subscribe,
): {
  queries: QueryMethods;
  mutations: MutationMethods;
  subscriptions: SubscriptionMethods;
} {
  const operationMethods = (documents: Readonly<Record<string, AnyHubDocument>>) =>
    Object.freeze(
      Object.fromEntries(
        Object.entries(documents).map(([field, document]) => [
          field,
          async (variables?: Variables, options?: RequestOptions) =>
            fieldOf(await request(document, variables, options), field),
        ]),
      ),
    );
  const subscriptionMethods = Object.freeze(
    Object.fromEntries(
      Object.entries(subscriptionDocuments as Readonly<Record<string, AnyHubDocument>>).map(([field, document]) => [
        field,
        (variables: Variables, handlers?: SubscriptionHandlers<unknown>) => {
          // Handlers of a generated method see the root field's value, not `{ [field]: value }`.
          const follow = (inner: SubscriptionHandlers<unknown>) =>
            subscribe(document, variables, { ...inner, onEvent: (data) => inner.onEvent(fieldOf(data, field)) });
          return handlers ? follow(handlers) : iterateSubscription(follow);
        },
      ]),
    ),
  );
  return {
    queries: operationMethods(queryDocuments) as unknown as QueryMethods,
    mutations: operationMethods(mutationDocuments) as unknown as MutationMethods,
    subscriptions: subscriptionMethods as unknown as SubscriptionMethods,
  };
}
