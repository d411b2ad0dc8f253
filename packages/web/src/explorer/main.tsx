import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useGraphiQL } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createClient } from 'graphql-ws';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { parse } from 'graphql';

/**
 * GraphiQL, built into the hub's assets (no CDN): docs explorer, history, headers editor, and
 * subscriptions over graphql-ws on the same URL. In development a picker signs in as a demo user
 * (POST /dev/token) and fills the Authorization header.
 */
const url = new URL('/graphql', window.location.href);
const wsUrl = new URL(url);
wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';

const HEADERS_KEY = 'pcn-hub.explorer.headers';
const DEMO_USERS = ['hub.anp1', 'hub.anp2', 'hub.manager', 'hub.coord1', 'p1.gp', 'p1.admin', 'pcn.analyst'];
const demoSignIn = document.documentElement.dataset.demo !== 'off';

const DEFAULT_QUERY = `# The pcn-hub GraphQL API. ${demoSignIn ? 'Sign in as a demo user above, or put' : 'Put'}
#   { "authorization": "Bearer <token>" }
# in the headers editor below, then run. Subscriptions (inboxEvents, writeBackEvents) run over graphql-ws.
query Me {
  viewer {
    id
    roles
    organisation { odsCode name kind }
  }
}
`;

/** The headers last typed or filled in (the socket authenticates with them when it connects). */
function authorization(): string | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(HEADERS_KEY) ?? '{}') as Record<string, unknown>;
    const value = parsed.authorization ?? parsed.Authorization;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

const baseFetcher = createGraphiQLFetcher({
  url: url.toString(),
  wsClient: createClient({
    url: wsUrl.toString(),
    lazy: true,
    connectionParams: () => {
      const auth = authorization();
      return auth ? { authorization: auth } : {};
    },
  }),
});

/**
 * The explorer's fetcher: the headers editor's headers, with the signed-in Authorization added
 * when the editor has none yet (it may mount after the sign-in on a slow machine).
 */
const fetcher: typeof baseFetcher = (params, options) => {
  const auth = authorization();
  const headers: Record<string, unknown> = { ...(options?.headers ?? {}) };
  if (auth && headers.authorization === undefined && headers.Authorization === undefined) headers.authorization = auth;
  // The editor's parsed document can lag its text (it is debounced): parse what is sent, so a
  // subscription typed and run at once still goes over graphql-ws rather than HTTP.
  let documentAST = options?.documentAST;
  try {
    documentAST = parse(params.query);
  } catch {
    // not parseable: the hub answers GRAPHQL_PARSE_FAILED
  }
  return baseFetcher(params, { ...options, headers, documentAST });
};

/** Development only (the hub refuses POST /dev/token in production and hides this there). */
function DemoSignIn() {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const [user, setUser] = useState(DEMO_USERS[0]!);
  const [message, setMessage] = useState('');

  const signIn = async () => {
    setMessage('');
    const res = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    const body = (await res.json().catch(() => ({}))) as { token?: string; errors?: { message: string }[] };
    if (!body.token) {
      setMessage(body.errors?.[0]?.message ?? `Sign-in failed (HTTP ${res.status})`);
      return;
    }
    let current: Record<string, unknown>;
    try {
      current = JSON.parse(headerEditor?.getValue() || '{}') as Record<string, unknown>;
    } catch {
      current = {};
    }
    const next = JSON.stringify({ ...current, authorization: `Bearer ${body.token}` }, null, 2);
    headerEditor?.setValue(next);
    localStorage.setItem(HEADERS_KEY, next);
    setMessage(`Signed in as ${user}: the Authorization header is set.`);
  };

  return (
    <form
      className="demo-sign-in"
      aria-label="Sign in as a demo user"
      onSubmit={(e) => {
        e.preventDefault();
        void signIn();
      }}
    >
      <label htmlFor="demo-user">Sign in as a demo user (development only)</label>
      <select id="demo-user" value={user} onChange={(e) => setUser(e.target.value)}>
        {DEMO_USERS.map((u) => (
          <option key={u}>{u}</option>
        ))}
      </select>
      <button type="submit">Sign in</button>
      <span role="status">{message}</span>
    </form>
  );
}

function Explorer() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      initialHeaders={localStorage.getItem(HEADERS_KEY) ?? undefined}
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="headers"
      onEditHeaders={(value) => localStorage.setItem(HEADERS_KEY, value)}
    >
      <GraphiQL.Logo>
        <a href="/" className="hub-logo">
          pcn-hub
        </a>
      </GraphiQL.Logo>
      {demoSignIn ? (
        <GraphiQL.Footer>
          <DemoSignIn />
        </GraphiQL.Footer>
      ) : null}
    </GraphiQL>
  );
}

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <Explorer />
  </StrictMode>,
);
