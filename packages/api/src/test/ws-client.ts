import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A graphql-ws client of the API whose GraphQL endpoint is `graphqlUrl` (http://...), signed in
 * with `auth`: a bearer token, or the connection parameters as they are. It never retries (a test
 * wants to see a failure, not hide it); `options` add to or replace these (`lazy`, `on`, ...).
 */
export function wsClient(
  graphqlUrl: string,
  auth: string | Record<string, unknown>,
  options: Partial<ClientOptions> = {},
): Client {
  return createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : auth,
    retryAttempts: 0,
    ...options,
  });
}
