/**
 * `@pcn-hub/sdk/client`: a typed client of the hub's GraphQL API. Every Query, Mutation and
 * Subscription field has a generated typed document and a method (`client.queries.inbox(...)`,
 * `client.mutations.recordConsultation(...)`, `client.subscriptions.inboxEvents(...)`); safe
 * failures are retried, idempotency keys are filled in, and subscriptions resume after a dropped
 * connection without missing an event.
 */
export { createHubClient, type HubClient, type HubClientOptions } from './client.js';
export { HubApiError, HubNetworkError, isHubApiError, type HubGraphQLError } from './client.errors.js';
export type { AttachmentBody, UploadAttachmentOptions, UploadedAttachment } from './client.attachments.js';
export type { HubDocument, Variables } from './client.operation.js';
export type {
  MutationMethods,
  OperationArgs,
  OperationMethod,
  QueryMethods,
  RequestOptions,
  SubscriptionMessage,
  SubscriptionMethod,
  SubscriptionMethods,
} from './client.methods.js';
export type { ReconnectInfo, ResyncNotice, SubscriptionHandlers, Unsubscribe } from './client.subscriptions.js';
export type { HubEventIterator } from './client.iterate.js';
export type { RetryOptions } from './client.retry.js';
// The repository's one backoff (also what the client's own retries use), for plugins' retries.
export { backoffDelay, type Backoff } from '@pcn-hub/schema/backoff';
/** The generated documents by root field, and the mutations that take an idempotency key. */
export {
  idempotentMutationFields,
  mutationDocuments,
  queryDocuments,
  subscriptionDocuments,
} from '../generated/operations.js';
/** Generated types (schema enums and inputs, each operation's result and variables) and typed documents. */
export * from '../generated/graphql.js';
