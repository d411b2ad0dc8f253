import { useState, type SyntheticEvent } from 'react';
import { demoSignIn, DEMO_USERS, takeNotice, type Session } from './session';

/** Development sign-in: pick a demo user; the hub mints the token (POST /dev/token, refused in production). */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [user, setUser] = useState(DEMO_USERS[0]!.username);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = takeNotice();
  // The hub marks its pages in production, where demo sign-in is refused.
  if (document.documentElement.dataset.demo === 'off') {
    return (
      <main id="main" className="sign-in">
        <h1>Smart Inbox</h1>
        {notice ? (
          <p role="alert" className="notice">
            {notice}
          </p>
        ) : null}
        <p>Demo sign-in is available in development only, and single sign-on is not configured for this hub.</p>
      </main>
    );
  }

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
    <main id="main" className="sign-in">
      <h1>Smart Inbox</h1>
      {notice ? (
        <p role="alert" className="notice">
          {notice}
        </p>
      ) : null}
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
    </main>
  );
}
