import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { executeHttp, type HttpTransport } from './client.http.js';
import {
  downloadAttachment,
  uploadAttachment,
  type AttachmentBody,
  type UploadAttachmentOptions,
  type UploadedAttachment,
} from './client.attachments.js';
import { iterateSubscription, type HubEventIterator } from './client.iterate.js';
import {
  buildMethods,
  type MutationMethods,
  type OperationArgs,
  type QueryMethods,
  type RequestOptions,
  type SubscriptionMethods,
} from './client.methods.js';
import {
  operationInfo,
  prepareVariables,
  type AnyHubDocument,
  type HubDocument,
  type Variables,
} from './client.operation.js';
import { retryPolicy, type RetryOptions } from './client.retry.js';
import { subscribeResumable, type SubscriptionHandlers, type Unsubscribe } from './client.subscriptions.js';

/** Where the hub is and who the client is. Give `apiKey` (a plugin) or `token` (a staff user), not both. */
export interface HubClientOptions {
  /** The hub's GraphQL endpoint, e.g. `https://hub.example.nhs.uk/graphql`. */
  readonly url: string;
  /** A plugin's API key (`pcnhub_...`), sent as `Authorization: Bearer <key>`. */
  readonly apiKey?: string;
  /** A staff user's JWT, or a function returning a current one (called per request and per connection). */
  readonly token?: string | (() => string | Promise<string>);
  /** ODS code of the enabling organisation a plugin acts for (`x-pcn-hub-organisation`). */
  readonly organisation?: string;
  /** Username of the staff member a plugin acts on behalf of (`x-pcn-hub-on-behalf-of`). */
  readonly onBehalfOf?: string;
  /** A fetch implementation; default the global one. */
  readonly fetch?: typeof globalThis.fetch;
  /** Retries of safe HTTP failures. Default 4 attempts, 200 ms base delay, 10 s longest delay. */
  readonly retry?: RetryOptions;
  /** Longest wait for one HTTP attempt. Default 30,000 ms. */
  readonly timeoutMs?: number;
  /** The WebSocket endpoint; default `url` with `http` replaced by `ws`. */
  readonly wsUrl?: string;
  /** A WebSocket constructor (e.g. the platform's); default the `ws` package's. */
  readonly webSocketImpl?: unknown;
  /**
   * Reconnection of subscriptions: `attempts` is how many connections in a row may fail before the
   * subscription ends with an error. Default 30 attempts, 500 ms base delay, 30 s longest delay.
   */
  readonly reconnect?: RetryOptions;
  /** Ping interval on the WebSocket; a missing pong drops the socket so that it resumes. Default 10,000 ms; 0 disables. */
  readonly keepAliveMs?: number;
}

/** A typed client of the hub's GraphQL API, over HTTP (queries, mutations) and graphql-ws (subscriptions). */
export interface HubClient {
  /** The HTTP endpoint. */
  readonly url: string;
  /** The WebSocket endpoint. */
  readonly wsUrl: string;
  /**
   * Sends a query or mutation and resolves to its `data`. Throws {@link HubApiError} when the
   * answer carries errors and {@link HubNetworkError} when no answer came (after safe retries).
   */
  request<TResult, TVariables>(
    document: HubDocument<TResult, TVariables>,
    ...args: OperationArgs<TVariables>
  ): Promise<TResult>;
  /** {@inheritDoc HubClient.request} (an untyped document string). */
  request(document: string, variables?: Variables, options?: RequestOptions): Promise<Record<string, unknown>>;
  /**
   * Subscribes; `handlers.onEvent` receives every message exactly once, in order, across dropped
   * connections (the client resumes after the last cursor). Returns the function that stops it.
   */
  subscribe<TResult, TVariables>(
    document: HubDocument<TResult, TVariables>,
    variables: TVariables,
    handlers: SubscriptionHandlers<TResult>,
  ): Unsubscribe;
  /** Like {@link HubClient.subscribe}, as an async iterator (`break` unsubscribes). */
  iterate<TResult, TVariables>(
    document: HubDocument<TResult, TVariables>,
    variables: TVariables,
  ): HubEventIterator<TResult>;
  /** One typed method per Query field, resolving to the field's value. */
  readonly queries: QueryMethods;
  /** One typed method per Mutation field, resolving to the field's value (idempotency keys filled in). */
  readonly mutations: MutationMethods;
  /** One typed method per Subscription field; handlers receive the field's value. */
  readonly subscriptions: SubscriptionMethods;
  /**
   * Uploads the bytes of the attachment a submitted consultation declares at `position` (from 0),
   * streamed when `body` is a stream. Throws {@link HubApiError} on refusal (`PAYLOAD_TOO_LARGE`,
   * `BAD_USER_INPUT` with `field` `content-type`, `content-length` or `sha256`, `CONFLICT` when
   * received before).
   */
  uploadAttachment(
    consultationId: string,
    position: number,
    body: AttachmentBody,
    options: UploadAttachmentOptions,
  ): Promise<UploadedAttachment>;
  /** Fetches a signed download link (`attachmentDownloadLink.url`); the `Response` body streams the bytes. */
  downloadAttachment(link: string, signal?: AbortSignal): Promise<Response>;
  /** Stops every subscription and closes the WebSocket. */
  close(): Promise<void>;
}

const API_KEY_PREFIX = 'pcnhub_';

/**
 * The WebSocket to use: a browser's own; in Node.js the `ws` package (which bundlers replace in
 * browser builds, see the package's `browser` field).
 */
function defaultWebSocket(): unknown {
  return 'document' in globalThis && typeof globalThis.WebSocket === 'function' ? globalThis.WebSocket : WebSocket;
}

/** Creates a {@link HubClient}. Nothing connects until the first call. */
export function createHubClient(options: HubClientOptions): HubClient {
  const { apiKey, token, organisation, onBehalfOf } = options;
  if (apiKey !== undefined && token !== undefined)
    throw new TypeError('Give apiKey (a plugin) or token (a staff user), not both');
  if (apiKey !== undefined && !apiKey.startsWith(API_KEY_PREFIX))
    throw new TypeError(`An API key starts with ${API_KEY_PREFIX}`);
  const url = new URL(options.url).toString();
  const wsUrl = options.wsUrl ?? url.replace(/^http/, 'ws');
  const credential = async (): Promise<string | null> =>
    apiKey ?? (typeof token === 'function' ? await token() : (token ?? null));

  const transport: HttpTransport = {
    url,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    retry: retryPolicy(options.retry),
    timeoutMs: options.timeoutMs ?? 30_000,
    headers: async () => {
      const headers: Record<string, string> = {};
      const secret = await credential();
      if (secret) headers.authorization = `Bearer ${secret}`;
      if (organisation) headers['x-pcn-hub-organisation'] = organisation;
      if (onBehalfOf) headers['x-pcn-hub-on-behalf-of'] = onBehalfOf;
      return headers;
    },
  };
  const reconnectPolicy = retryPolicy({ attempts: 30, baseDelayMs: 500, maxDelayMs: 30_000, ...options.reconnect });
  const keepAliveMs = options.keepAliveMs ?? 10_000;

  let ws: WsClient | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const active = new Set<Unsubscribe>();
  const connect = (): WsClient =>
    (ws ??= createClient({
      url: wsUrl,
      webSocketImpl: options.webSocketImpl ?? defaultWebSocket(),
      lazy: true,
      // Reconnection is ours: graphql-ws would re-send the first `after`, not the last cursor seen.
      retryAttempts: 0,
      shouldRetry: () => false,
      connectionAckWaitTimeout: 10_000,
      keepAlive: keepAliveMs,
      connectionParams: async () => {
        const secret = await credential();
        return {
          ...(secret ? { authorization: `Bearer ${secret}` } : {}),
          ...(organisation ? { organisation } : {}),
          ...(onBehalfOf ? { onBehalfOf } : {}),
        };
      },
      on: {
        // A half-open socket never closes by itself: no pong in time ends it, and subscriptions resume.
        ping: (received) => {
          if (received || keepAliveMs <= 0) return;
          pongTimer = setTimeout(() => ws?.terminate(), Math.max(1000, keepAliveMs / 2));
          pongTimer.unref();
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        closed: () => clearTimeout(pongTimer),
      },
    }));

  async function request(
    document: AnyHubDocument | string,
    variables?: Variables,
    requestOptions?: RequestOptions,
  ): Promise<unknown> {
    const info = operationInfo(document);
    if (info.kind === 'subscription')
      throw new TypeError('request() takes a query or mutation; use subscribe() for subscriptions');
    const prepared = prepareVariables(info, variables);
    return executeHttp(transport, info, prepared.variables, prepared.retrySafe, requestOptions?.signal);
  }

  function subscribe(
    document: AnyHubDocument,
    variables: Variables | undefined,
    handlers: SubscriptionHandlers<unknown>,
  ): Unsubscribe {
    let unsubscribe: Unsubscribe | null = null;
    const forget = (): void => {
      if (unsubscribe) active.delete(unsubscribe);
    };
    const stop = subscribeResumable(connect, reconnectPolicy, operationInfo(document), variables, {
      ...handlers,
      onError: (error) => {
        forget();
        handlers.onError?.(error);
      },
      onComplete: () => {
        forget();
        handlers.onComplete?.();
      },
    });
    unsubscribe = () => {
      forget();
      stop();
    };
    active.add(unsubscribe);
    return unsubscribe;
  }

  const methods = buildMethods(request, subscribe);
  const client = {
    url,
    wsUrl,
    request,
    subscribe,
    uploadAttachment: (
      consultationId: string,
      position: number,
      body: AttachmentBody,
      uploadOptions: UploadAttachmentOptions,
    ) => uploadAttachment(transport, consultationId, position, body, uploadOptions),
    downloadAttachment: (link: string, signal?: AbortSignal) => downloadAttachment(transport, link, signal),
    iterate: (document: AnyHubDocument, variables: Variables | undefined) =>
      iterateSubscription((handlers) => subscribe(document, variables, handlers)),
    ...methods,
    async close() {
      for (const unsubscribe of [...active]) unsubscribe();
      clearTimeout(pongTimer);
      const current = ws;
      ws = null;
      await current?.dispose();
    },
  };
  return client as unknown as HubClient;
}
