import { useEffect, useState, type SyntheticEvent } from 'react';
import { runtimeConfig, startOidcSignIn, type RuntimeConfig } from './oidc';
import { demoSignIn, DEMO_USERS, takeNotice, type Session } from './session';

/**
 * Sign-in: single sign-on (OpenID Connect, when the hub has OIDC_ISSUER) and, in development, a demo
 * user whose token the hub mints (POST /dev/token, refused in production).
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [config, setConfig] = useState<RuntimeConfig | null>(null);
  useEffect(() => {
    let live = true;
    void runtimeConfig().then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);
  const notice = takeNotice();
  return (
    <main id="main" className="sign-in">
      <h1>Smart Inbox</h1>
      {notice ? (
        <p role="alert" className="notice">
          {notice}
        </p>
      ) : null}
      {!config ? <p>Loading…</p> : null}
      {config?.oidc ? <SingleSignOn oidc={config.oidc} /> : null}
      {config?.demoSignIn ? <DemoSignIn onSignedIn={onSignedIn} /> : null}
      {config && !config.oidc && !config.demoSignIn ? (
        <p>Demo sign-in is available in development only, and single sign-on is not configured for this hub.</p>
      ) : null}
    </main>
  );
}

function SingleSignOn({ oidc }: { oidc: NonNullable<RuntimeConfig['oidc']> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = () => {
    setBusy(true);
    setError(null);
    startOidcSignIn(oidc).catch((err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    });
  };
  return (
    <section aria-labelledby="sso-heading" className="sso">
      <h2 id="sso-heading">Staff sign-in</h2>
      <p>Sign in with your organisation&apos;s account ({new URL(oidc.issuer).host}).</p>
      <button type="button" onClick={start} disabled={busy}>
        {busy ? 'Redirecting…' : 'Sign in with single sign-on'}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/** Development sign-in: pick a demo user. */
function DemoSignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [user, setUser] = useState(DEMO_USERS[0]!.username);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    demoSignIn(user)
      .then(onSignedIn)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} aria-describedby="sign-in-help">
      <p id="sign-in-help">Development sign-in: choose a demo user of the seeded PCN. Demo data is synthetic.</p>
      <label htmlFor="demo-user">Demo user</label>
      <select id="demo-user" value={user} onChange={(e) => setUser(e.target.value)}>
        {DEMO_USERS.map((u) => (
          <option key={u.username} value={u.username}>
            {u.username} — {u.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
