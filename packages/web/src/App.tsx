import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Provider, useQuery } from 'urql';
import { createHubClient, type HubClient } from './client';
import { ViewerQuery } from './documents';
import { human, showError } from './errors';
import { patientName } from './format';
import { useInboxStream, type LiveInbox } from './live';
import { CapacityPage } from './CapacityPage';
import { ConsultationPage } from './ConsultationPage';
import { HubConsultationPage, RecordConsultationPage } from './HubConsultationPage';
import { InboxPage } from './InboxPage';
import { completeOidcSignIn, isOidcCallback, refreshSession } from './oidc';
import { navigate, parseRoute, useLocation } from './router';
import { clearSession, currentToken, loadSession, tokenOrganisation, type Session } from './session';
import { SignIn } from './SignIn';

const EXPIRED = 'Your session has expired. Sign in again.';

export function App() {
  const [callback, setCallback] = useState(() => isOidcCallback());
  const [session, setSession] = useState<Session | null>(() => (callback ? null : loadSession()));
  const location = useLocation();
  const route = parseRoute(location);

  const signOut = useCallback((notice?: string) => {
    clearSession(notice);
    setSession(null);
    navigate('/sign-in', true);
  }, []);

  // Back from the identity provider: exchange the code, or say why sign-in failed.
  useEffect(() => {
    if (!callback) return;
    let live = true;
    completeOidcSignIn()
      .then(({ session: s, returnTo }) => {
        if (!live) return;
        setSession(s);
        navigate(returnTo, true);
      })
      .catch((err: unknown) => {
        if (!live) return;
        clearSession(err instanceof Error ? err.message : String(err));
        navigate('/sign-in', true);
      })
      .finally(() => live && setCallback(false));
    return () => {
      live = false;
    };
  }, [callback]);

  // An expiring token renews (refresh token, single sign-on) or sends the user back to sign in with
  // the reason; never a blank screen.
  useEffect(() => {
    if (!session?.expiresAt) return;
    const left = session.expiresAt - Date.now();
    const renewable = Boolean(session.refresh);
    // Renew ahead of expiry: a minute early, or halfway through what is left of a short token.
    const wait = renewable ? left - Math.min(60_000, Math.max(0, left / 2)) : left;
    const timer = setTimeout(
      () => {
        if (!renewable) return signOut(EXPIRED);
        refreshSession(session)
          .then(setSession)
          .catch(() => signOut('Your session has expired and could not be renewed. Sign in again.'));
      },
      Math.max(0, Math.min(wait, 2 ** 31 - 1)),
    );
    return () => clearTimeout(timer);
  }, [session, signOut]);

  // One client per signed-in user; a renewed token is read at each request and (re)connection.
  const user = session?.user ?? null;
  const hub = useMemo(() => (user ? createHubClient(currentToken, () => signOut(EXPIRED)) : null), [user, signOut]);
  useEffect(() => () => hub?.dispose(), [hub]);

  if (callback) {
    return (
      <main id="main" className="sign-in">
        <h1>Smart Inbox</h1>
        <p role="status">Signing you in…</p>
      </main>
    );
  }
  if (session?.expiresAt && session.expiresAt <= Date.now() && session.refresh) {
    return (
      <main id="main" className="sign-in">
        <h1>Smart Inbox</h1>
        <p role="status">Renewing your session…</p>
      </main>
    );
  }
  if (!session || !hub || route.name === 'sign-in') {
    return (
      <SignIn
        onSignedIn={(s) => {
          setSession(s);
          navigate('/', true);
        }}
      />
    );
  }
  return (
    <Provider value={hub.urql}>
      <Shell hub={hub} session={session} onSignOut={() => signOut()} />
    </Provider>
  );
}

function LiveBadge({ hub }: { hub: HubClient }) {
  const status = useSyncExternalStore(hub.live.subscribe, hub.live.get);
  const text = status === 'live' ? 'Live' : status === 'reconnecting' ? 'Reconnecting…' : 'Connecting…';
  return (
    <span role="status" className={`live live-${status}`} data-live={status}>
      {text}
    </span>
  );
}

function Shell({ hub, session, onSignOut }: { hub: HubClient; session: Session; onSignOut: () => void }) {
  const [{ data, error, fetching }] = useQuery({ query: ViewerQuery });
  const route = parseRoute(useLocation());
  const viewer = data?.viewer;
  const shown = showError(error);
  // The token names the organisation: the inbox need not wait for the viewer query.
  const organisation = viewer?.organisation.odsCode ?? tokenOrganisation(session.token);
  const live = useLiveInbox(hub, organisation, () => onSignOut());
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          Smart Inbox
        </a>
        <span className="who">
          {session.user}
          {viewer ? ` · ${viewer.organisation.name} (${viewer.organisation.odsCode})` : ''}
        </span>
        <LiveBadge hub={hub} />
        {viewer?.organisation.kind === 'HUB' ? (
          <a
            href="/capacity"
            aria-current={route.name === 'capacity' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate('/capacity');
            }}
          >
            Capacity
          </a>
        ) : null}
        <a href="/graphql">GraphQL explorer</a>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        {shown && !viewer ? (
          <p role="alert" className="error">
            {shown.text}
          </p>
        ) : null}
        {fetching && !viewer ? <p>Loading…</p> : null}
        {route.name === 'capacity' ? (
          viewer ? (
            <CapacityPage canEdit={viewer.roles.includes('HUB_MANAGER')} />
          ) : null
        ) : route.name === 'record' ? (
          <RecordConsultationPage params={route.params} />
        ) : route.name === 'hub-consultation' ? (
          <HubConsultationPage id={route.id} hub={hub} />
        ) : route.name === 'consultation' ? (
          viewer ? (
            <ConsultationPage id={route.id} viewer={viewer} live={live} me={session.user} />
          ) : null
        ) : organisation ? (
          <InboxPage
            organisation={organisation}
            isPractice={viewer?.organisation.kind === 'PRACTICE'}
            live={live}
            params={route.name === 'inbox' ? route.params : new URLSearchParams()}
          />
        ) : null}
      </main>
    </>
  );
}

/** The inbox stream of the viewer's organisation, shared by every page of the signed-in app. */
function useLiveInbox(hub: HubClient, organisation: string | null, onUnauthenticated: () => void): LiveInbox {
  const [state, setState] = useState<Omit<LiveInbox, 'dismissResync'>>({
    version: 0,
    lastConsultationId: null,
    activity: [],
    resync: null,
  });
  useInboxStream(hub.urql, organisation, {
    onEvent(event) {
      const who = event.consultation ? patientName(event.consultation) : 'a consultation';
      const text = `${human(event.type)}: ${who}${event.actorId ? ` by ${event.actorId}` : ''}`;
      setState((s) => ({
        ...s,
        version: s.version + 1,
        lastConsultationId: event.consultationId,
        activity: [{ seq: event.seq, text }, ...s.activity.filter((a) => a.seq !== event.seq)].slice(0, 50),
      }));
    },
    onResync(reason) {
      setState((s) => ({
        ...s,
        version: s.version + 1,
        lastConsultationId: null,
        resync: `Some live updates could not be replayed (${reason}), so the inbox was reloaded.`,
      }));
    },
    onSubscribed() {
      setState((s) => ({ ...s, version: s.version + 1, lastConsultationId: null }));
    },
    onUnauthenticated,
  });
  const dismissResync = useCallback(() => setState((s) => ({ ...s, resync: null })), []);
  return useMemo(() => ({ ...state, dismissResync }), [state, dismissResync]);
}
