import type { Role } from '../../platform/auth/roles.js';
import type { Orm } from '../../platform/db/orm.js';
import { exec, placeholders } from '../../platform/db/sql.js';
import { isResyncHint, type EventBus } from '../../platform/events/index.js';

/** Most usernames looked up in one statement. */
const BATCH = 500;
/** How long a looked-up account is trusted when no change hint arrives (a lost hint's worst case). */
const ACCOUNT_CACHE_MS = 10_000;
/** Most accounts remembered; past it the cache starts again. */
const ACCOUNT_CACHE_MAX = 10_000;

/**
 * The stream name whose hints say "a staff account changed" (added, roles changed, deactivated,
 * reactivated). It has no events in the log: the hint only empties the account caches of every
 * process, so a change takes effect on the next request anywhere.
 */
export const STAFF_ACCOUNTS_STREAM = 'staff-accounts';

/** Tells every process's account cache (this one at once) that a staff account changed; after commit. */
export function hintStaffAccountChanged(events: EventBus): void {
  events.hint({ stream: STAFF_ACCOUNTS_STREAM, seq: Date.now() });
}

/**
 * Lets the account lookups of `orm` remember what they read, emptied by every staff-account hint
 * (from any process, {@link hintStaffAccountChanged}) and by a bus reconnect (hints may have been
 * lost), and trusted for at most {@link ACCOUNT_CACHE_MS} otherwise. Without a watcher nothing is
 * remembered: every lookup reads the table.
 */
export function watchStaffAccounts(orm: Orm, events: EventBus): () => void {
  const batcher = batcherOf(orm);
  batcher.remember = true;
  const stop = events.onHint((hint) => {
    if (hint.stream === STAFF_ACCOUNTS_STREAM || isResyncHint(hint)) batcher.forget();
  });
  return () => {
    stop();
    batcher.remember = false;
    batcher.forget();
  };
}

/**
 * Whether a token subject's staff account is still enabled. Tokens from an identity provider may
 * name people without a staff row: only a disabled row refuses.
 *
 * Live streams ask this for every subscriber, typically all on the same event (the first one, then
 * every re-check period), so the lookups of one turn of the event loop are batched per database:
 * a thousand subscribers cost one statement, not a thousand pool checkouts that delay the event.
 */
export function staffAccountActive(orm: Orm): (username: string) => Promise<boolean> {
  const account = staffAccount(orm);
  return async (username) => (await account(username))?.active ?? true;
}

/** A token subject's staff account as authentication needs it (null: no staff row). */
export interface StaffAccountFacts {
  readonly active: boolean;
  readonly roles: readonly Role[];
}

/**
 * The staff account of a token subject, looked up for every request (batched per turn of the event
 * loop; remembered between change hints when {@link watchStaffAccounts} runs): a disabled account
 * is refused and roles taken away stop with the next request.
 */
export function staffAccount(orm: Orm): (username: string) => Promise<StaffAccountFacts | null> {
  const shared = batcherOf(orm);
  return (username) => shared.load(username);
}

const BATCHERS = new WeakMap<Orm, AccountBatcher>();

function batcherOf(orm: Orm): AccountBatcher {
  let batcher = BATCHERS.get(orm);
  if (!batcher) BATCHERS.set(orm, (batcher = new AccountBatcher(orm)));
  return batcher;
}

const SELECT = 'select username, active, roles from staff_user where username in ';

class AccountBatcher {
  remember = false;
  private readonly known = new Map<string, { account: StaffAccountFacts | null; until: number }>();
  /** Bumped by every forget(): a read that started before a change never fills the cache after it. */
  private generation = 0;
  private pending = new Map<
    string,
    {
      promise: Promise<StaffAccountFacts | null>;
      resolve: (account: StaffAccountFacts | null) => void;
      reject: (error: unknown) => void;
    }
  >();

  constructor(private readonly orm: Orm) {}

  forget(): void {
    this.generation += 1;
    this.known.clear();
  }

  load(username: string): Promise<StaffAccountFacts | null> {
    if (this.remember) {
      const hit = this.known.get(username);
      if (hit && hit.until > Date.now()) return Promise.resolve(hit.account);
    }
    const waiting = this.pending.get(username);
    if (waiting) return waiting.promise;
    if (this.pending.size === 0) setImmediate(() => void this.flush());
    let resolve!: (account: StaffAccountFacts | null) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<StaffAccountFacts | null>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    this.pending.set(username, { promise, resolve, reject });
    return promise;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    const names = [...batch.keys()];
    const generation = this.generation;
    for (let i = 0; i < names.length; i += BATCH) {
      const slice = names.slice(i, i + BATCH);
      try {
        const rows = await exec<{ username: string; active: boolean; roles: Role[] | string }>(
          this.orm.em,
          `${SELECT}(${placeholders(slice.length)})`,
          slice,
        );
        const accounts = new Map(rows.map((row) => [row.username, { active: row.active, roles: rolesOf(row.roles) }]));
        const until = Date.now() + ACCOUNT_CACHE_MS;
        const keep = this.remember && generation === this.generation;
        if (keep && this.known.size + slice.length > ACCOUNT_CACHE_MAX) this.known.clear();
        for (const name of slice) {
          const account = accounts.get(name) ?? null;
          if (keep) this.known.set(name, { account, until });
          batch.get(name)!.resolve(account);
        }
      } catch (error) {
        for (const name of slice) batch.get(name)!.reject(error);
      }
    }
  }
}

/** A role array column as either driver returns it (an array, or PostgreSQL's text form `{A,B}`). */
function rolesOf(value: Role[] | string): Role[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : (inner.split(',') as Role[]);
}
