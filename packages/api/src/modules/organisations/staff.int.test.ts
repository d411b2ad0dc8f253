import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase, type TestHub } from '../../test/harness.js';
import { toGlobalId } from '../../platform/graphql/relay.js';
import { uuidv7 } from '../../platform/ids.js';

const LIST =
  'query ($ods: OdsCode!, $first: Int, $after: String, $active: Boolean) { staffUsers(organisationOdsCode: $ods, first: $first, after: $after, active: $active) { edges { cursor node { id username roles active } } pageInfo { hasNextPage endCursor } } }';
const ROLES =
  'mutation ($input: SetStaffUserRolesInput!) { setStaffUserRoles(input: $input) { staffUser { id username roles active } } }';
const toggle = (verb: 'deactivate' | 'reactivate') =>
  `mutation ($input: StaffUserInput!) { ${verb}StaffUser(input: $input) { staffUser { id username active } } }`;
const VIEWER = '{ viewer { id roles } }';

interface Staff {
  id: string;
  username: string;
  roles: string[];
  active: boolean;
}
type Page = {
  staffUsers: {
    edges: { cursor: string; node: Staff }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

async function ok<T>(res: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> {
  const out = await res;
  expect(out.errors, JSON.stringify(out.errors)).toBeUndefined();
  return out.data!;
}

async function staffOf(hub: TestHub, ods: string, username: string): Promise<Staff> {
  const page = await ok(hub.gql<Page>(LIST, { ods, first: 200 }, 'hub.manager'));
  return page.staffUsers.edges.map((e) => e.node).find((s) => s.username === username)!;
}

const audit = (hub: TestHub, action: string, id: string) =>
  hub.sql<{ actor_id: string; reason: string }>(
    'select actor_id, reason from audit_event where action = ? and subject_id = ? order by at',
    [action, id],
  );

const dbIdOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

describeEachDatabase('staff administration', (hub) => {
  it("lists an organisation's staff by username, paged, for its admins and the hub manager only", async () => {
    const first = await ok(hub().gql<Page>(LIST, { ods: 'Y99000', first: 3 }, 'hub.manager'));
    const names = first.staffUsers.edges.map((e) => e.node.username);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(3);
    expect(first.staffUsers.pageInfo.hasNextPage).toBe(true);
    const second = await ok(
      hub().gql<Page>(LIST, { ods: 'Y99000', first: 3, after: first.staffUsers.pageInfo.endCursor }, 'hub.manager'),
    );
    const more = second.staffUsers.edges.map((e) => e.node.username);
    expect(more[0]! > names[2]!).toBe(true);
    const all = await ok(hub().gql<Page>(LIST, { ods: 'Y99000', first: 200 }, 'hub.manager'));
    expect(all.staffUsers.edges.map((e) => e.node.username)).toEqual([
      ...names,
      ...more,
      ...all.staffUsers.edges.slice(6).map((e) => e.node.username),
    ]);

    const own = await ok(hub().gql<Page>(LIST, { ods: 'Y99011' }, 'p1.admin'));
    expect(own.staffUsers.edges.map((e) => e.node.username).sort()).toEqual(['p1.admin', 'p1.gp']);
    expect(codeOf(await hub().gql(LIST, { ods: 'Y99000' }, 'p1.admin'))).toBe('NOT_FOUND');
    expect(codeOf(await hub().gql(LIST, { ods: 'Y99012' }, 'p1.admin'))).toBe('NOT_FOUND');
    expect(codeOf(await hub().gql(LIST, { ods: 'Y99000' }, 'hub.anp1'))).toBe('FORBIDDEN');
    expect(codeOf(await hub().gql(LIST, { ods: 'Y99000', after: 'forged' }, 'hub.manager'))).toBe('BAD_USER_INPUT');
  });

  it("changes roles (audited, effective on the next request) and refuses misfits, unknown users and one's own roles", async () => {
    const anp3 = await staffOf(hub(), 'Y99000', 'hub.anp3');
    expect(anp3.roles.sort()).toEqual(['HUB_CLINICIAN', 'HUB_PRESCRIBER']);
    const changed = await ok(
      hub().gql<{ setStaffUserRoles: { staffUser: Staff } }>(
        ROLES,
        { input: { staffUserId: anp3.id, roles: ['HUB_CLINICIAN'] } },
        'hub.manager',
      ),
    );
    expect(changed.setStaffUserRoles.staffUser.roles).toEqual(['HUB_CLINICIAN']);
    // A token still naming HUB_PRESCRIBER keeps only what the account holds.
    expect((await ok(hub().gql<{ viewer: { roles: string[] } }>(VIEWER, {}, 'hub.anp3'))).viewer.roles).toEqual([
      'HUB_CLINICIAN',
    ]);
    expect((await audit(hub(), 'setStaffUserRoles', dbIdOf(anp3.id)))[0]).toEqual({
      actor_id: 'hub.manager',
      reason: 'roles HUB_CLINICIAN,HUB_PRESCRIBER -> HUB_CLINICIAN',
    });

    const refusals: [Record<string, unknown>, string, string, string][] = [
      [{ staffUserId: anp3.id, roles: ['PRACTICE_ADMIN'] }, 'hub.manager', 'BAD_USER_INPUT', 'input.roles'],
      [{ staffUserId: anp3.id, roles: [] }, 'hub.manager', 'BAD_USER_INPUT', 'input.roles'],
      [
        { staffUserId: toGlobalId('StaffUser', uuidv7()), roles: ['HUB_CLINICIAN'] },
        'hub.manager',
        'NOT_FOUND',
        'input.staffUserId',
      ],
      [{ staffUserId: 'nonsense', roles: ['HUB_CLINICIAN'] }, 'hub.manager', 'BAD_USER_INPUT', 'input.staffUserId'],
      [{ staffUserId: anp3.id, roles: ['HUB_ADMIN'] }, 'p1.admin', 'NOT_FOUND', 'input.staffUserId'],
      [
        { staffUserId: (await staffOf(hub(), 'Y99000', 'hub.manager')).id, roles: ['HUB_CLINICIAN'] },
        'hub.manager',
        'BAD_USER_INPUT',
        'input.staffUserId',
      ],
    ];
    for (const [input, as, code, field] of refusals) {
      const res = await hub().gql(ROLES, { input }, as);
      expect(res.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code, field });
    }
    expect((await staffOf(hub(), 'Y99000', 'hub.anp3')).roles).toEqual(['HUB_CLINICIAN']);
    expect(await audit(hub(), 'setStaffUserRoles', dbIdOf(anp3.id))).toHaveLength(1);
    await ok(
      hub().gql(ROLES, { input: { staffUserId: anp3.id, roles: ['HUB_CLINICIAN', 'HUB_PRESCRIBER'] } }, 'hub.manager'),
    );
  });

  it("deactivates an account: its tokens are refused at once; reactivation lets them in again; one's own account cannot be", async () => {
    const gp = await staffOf(hub(), 'Y99011', 'p1.gp');
    expect(codeOf(await hub().gql(VIEWER, {}, 'p1.gp'))).toBeUndefined();
    const token = await hub().token('p1.gp');
    const off = await ok(
      hub().gql<{ deactivateStaffUser: { staffUser: Staff } }>(
        toggle('deactivate'),
        { input: { staffUserId: gp.id } },
        'p1.admin',
      ),
    );
    expect(off.deactivateStaffUser.staffUser.active).toBe(false);
    const refused = await hub().gql(VIEWER, {}, { token });
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(refused.status).toBe(401);
    expect(codeOf(await hub().gql(toggle('deactivate'), { input: { staffUserId: gp.id } }, 'p1.admin'))).toBe(
      'INVALID_TRANSITION',
    );
    const inactive = await ok(hub().gql<Page>(LIST, { ods: 'Y99011', active: false }, 'p1.admin'));
    expect(inactive.staffUsers.edges.map((e) => e.node.username)).toEqual(['p1.gp']);

    const self = await hub().gql(
      toggle('deactivate'),
      { input: { staffUserId: (await staffOf(hub(), 'Y99011', 'p1.admin')).id } },
      'p1.admin',
    );
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.staffUserId' });
    const other = await hub().gql(
      toggle('deactivate'),
      { input: { staffUserId: (await staffOf(hub(), 'Y99000', 'hub.anp1')).id } },
      'p1.admin',
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.staffUserId' });
    expect((await staffOf(hub(), 'Y99000', 'hub.anp1')).active).toBe(true);

    await ok(hub().gql(toggle('reactivate'), { input: { staffUserId: gp.id } }, 'hub.manager'));
    expect(codeOf(await hub().gql(VIEWER, {}, { token }))).toBeUndefined();
    expect((await audit(hub(), 'deactivateStaffUser', dbIdOf(gp.id))).map((a) => a.actor_id)).toEqual(['p1.admin']);
    expect((await audit(hub(), 'reactivateStaffUser', dbIdOf(gp.id))).map((a) => a.actor_id)).toEqual(['hub.manager']);
  });
});
