import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { ACCOUNT_RECHECK_MS, streamAuthorizer } from './stream.access.js';

const actor = (expiresAt: Date | null): Actor => ({
  kind: 'USER',
  id: 'hub.coord1',
  roles: new Set(['HUB_ADMIN']),
  organisationId: 'hub',
  organisationOds: 'Y99000',
  organisationKind: 'HUB',
  pcnId: 'pcn',
  expiresAt,
});

describe('stream authorizer', () => {
  it('refuses when the module rule refuses', async () => {
    const check = streamAuthorizer({ actor: actor(null), allowed: () => false, accountActive: async () => true });
    expect(await check()).toBe(false);
  });

  it('refuses once the token has expired', async () => {
    let t = 1_000;
    const check = streamAuthorizer({
      actor: actor(new Date(5_000)),
      allowed: () => true,
      accountActive: async () => true,
      now: () => t,
    });
    expect(await check()).toBe(true);
    t = 5_000;
    expect(await check()).toBe(false);
  });

  it('re-asks whether the account is active at most once per interval', async () => {
    let t = 0;
    let active = true;
    let asked = 0;
    const check = streamAuthorizer({
      actor: actor(null),
      allowed: () => true,
      accountActive: async () => {
        asked += 1;
        return active;
      },
      now: () => t,
    });
    expect(await check()).toBe(true);
    active = false;
    t = ACCOUNT_RECHECK_MS - 1;
    expect(await check()).toBe(true);
    expect(asked).toBe(1);
    t = ACCOUNT_RECHECK_MS;
    expect(await check()).toBe(false);
    expect(asked).toBe(2);
  });
});
