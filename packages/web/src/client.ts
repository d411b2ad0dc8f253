import { Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { isUnauthenticated } from './errors';

/** Connection state of the live (graphql-ws) socket, for the "reconnecting" banner. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

class LiveStatusStore {
  private status: LiveStatus = 'connecting';
  private everConnected = false;
  private readonly listeners = new Set<() => void>();
  get = (): LiveStatus => this.status;
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  set(status: 'connected' | 'closed'): void {
    if (status === 'connected') this.everConnected = true;
    const next: LiveStatus = status === 'connected' ? 'live' : this.everConnected ? 'reconnecting' : 'connecting';
    if (next === this.status) return;
    this.status = next;
    for (const listener of this.listeners) listener();
  }
}

export interface HubClient {
  readonly urql: Client;
  readonly ws: WsClient;
  readonly live: LiveStatusStore;
  dispose(): void;
}

/** Where the hub is: the page's own origin (the hub serves the app; Vite's dev server proxies). */
function endpoints(): { http: string; ws: string } {
  const http = new URL('/graphql', window.location.href);
  const ws = new URL(http);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: http.toString(), ws: ws.toString() };
}

/**
 * urql with Graphcache (entities normalised by their Relay `id`), HTTP for queries and mutations,
 * graphql-ws for subscriptions. The socket does not retry on its own: the live hooks resubscribe
 * with their last cursor, so nothing is missed or replayed twice after a dropped connection.
 */
export function createHubClient(token: () => string, onUnauthenticated: () => void): HubClient {
  const { http, ws: wsUrl } = endpoints();
  const live = new LiveStatusStore();
  const ws = createWsClient({
    url: wsUrl,
    // The current token at each (re)connection and request: a renewed token needs no new client.
    connectionParams: () => ({ authorization: `Bearer ${token()}` }),
    retryAttempts: 0,
    keepAlive: 10_000,
    on: {
      connected: () => live.set('connected'),
      closed: () => live.set('closed'),
    },
  });
  const urql = new Client({
    url: http,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token()}` } }),
    requestPolicy: 'cache-and-network',
    // POST always: the hub's CSRF prevention wants a JSON content type (and no query in URLs or logs).
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onResult(result) {
          if (isUnauthenticated(result.error)) onUnauthenticated();
        },
      }),
      cacheExchange({
        // Value objects without an id are embedded in their parent; everything else is keyed by `id`.
        keys: {
          InboxConnection: () => null,
          InboxFolderCount: () => null,
          OnlineConsultationEdge: () => null,
          PageInfo: () => null,
          ConsultationLock: () => null,
          SubmittedPatient: () => null,
          OcAnswer: () => null,
          OcRedFlag: () => null,
          OcIce: () => null,
          OcAttachment: () => null,
          AttachmentDownloadLink: () => null,
          ConsultationTransition: () => null,
          Signpost: () => null,
          Viewer: (v) => (typeof v.id === 'string' ? v.id : null),
          InboxEvent: () => null,
          InboxHeartbeat: () => null,
          InboxResyncRequired: () => null,
          WriteBackEvent: () => null,
          WriteBackHeartbeat: () => null,
          WriteBackResyncRequired: () => null,
          WriteBackStatus: () => null,
          ConsultationCodedEntry: () => null,
          ConsultationNoteEntry: () => null,
          WriteBackExplanation: () => null,
          HubCapacity: () => null,
          ServiceCapacity: () => null,
          CapacityPlan: () => null,
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { urql, ws, live, dispose: () => void ws.dispose() };
}
