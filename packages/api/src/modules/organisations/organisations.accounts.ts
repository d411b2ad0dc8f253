import type { Role } from '../../platform/auth/roles.js';
import type { Orm } from '../../platform/db/orm.js';
import { StaffUser } from './staff-user.entity.js';

/** Most usernames looked up in one statement. */
const BATCH = 500;

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
 * The staff account of a token subject, read on every request (batched per turn of the event loop,
 * never cached): a disabled account is refused and roles taken away stop at once.
 */
export function staffAccount(orm: Orm): (username: string) => Promise<StaffAccountFacts | null> {
  let batcher = BATCHERS.get(orm);
  if (!batcher) BATCHERS.set(orm, (batcher = new AccountBatcher(orm)));
  const shared = batcher;
  return (username) => shared.load(username);
}

const BATCHERS = new WeakMap<Orm, AccountBatcher>();

class AccountBatcher {
  private pending = new Map<
    string,
    { promise: Promise<StaffAccountFacts | null>; resolve: (account: StaffAccountFacts | null) => void; reject: (error: unknown) => void }
  >();

  constructor(private readonly orm: Orm) {}

  load(username: string): Promise<StaffAccountFacts | null> {
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
    for (let i = 0; i < names.length; i += BATCH) {
      const slice = names.slice(i, i + BATCH);
      try {
        const rows = await this.orm.em
          .fork()
          .find(StaffUser, { username: { $in: slice } }, { fields: ['username', 'active', 'roles'] });
        const accounts = new Map(rows.map((row) => [row.username, { active: row.active, roles: row.roles as Role[] }]));
        for (const name of slice) batch.get(name)!.resolve(accounts.get(name) ?? null);
      } catch (error) {
        for (const name of slice) batch.get(name)!.reject(error);
      }
    }
  }
}
