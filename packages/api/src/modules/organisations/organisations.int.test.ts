import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase, seedForeignPcn } from '../../test/harness.js';
import { toGlobalId } from '../../platform/graphql/relay.js';

describeEachDatabase('organisations and staff', (hub) => {
  it('answers viewer for a demo token', async () => {
    const res = await hub().gql<{ viewer: unknown }>(
      '{ viewer { id roles organisation { odsCode kind } } }',
      {},
      'hub.manager',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer).toEqual({
      id: 'hub.manager',
      roles: ['HUB_MANAGER'],
      organisation: { odsCode: 'Y99000', kind: 'HUB' },
    });
  });

  it('lists the PCN: the PCN, its hub and seven practices', async () => {
    const res = await hub().gql<{ organisations: { odsCode: string; kind: string }[] }>(
      '{ organisations { odsCode kind pcn { odsCode } } }',
      {},
      'p1.gp',
    );
    expect(res.errors).toBeUndefined();
    const kinds = res.data!.organisations.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'PRACTICE')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'HUB')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'PCN')).toHaveLength(1);
  });

  it('answers NOT_FOUND for an organisation of another PCN, exactly as for a missing one', async () => {
    await seedForeignPcn(hub());
    const foreign = await hub().gql('{ organisation(odsCode: "Y99021") { name } }', {}, 'hub.manager');
    const missing = await hub().gql('{ organisation(odsCode: "Y99029") { name } }', {}, 'hub.manager');
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(foreign.errors![0]!.message.replace('Y99021', 'X')).toBe(missing.errors![0]!.message.replace('Y99029', 'X'));
    const { practiceId } = await seedForeignPcn(hub());
    const byNode = await hub().gql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: toGlobalId('Organisation', practiceId) },
      'hub.manager',
    );
    expect(byNode.errors).toBeUndefined();
    expect(byNode.data).toEqual({ node: null });
  });

  it('lets a hub manager add a practice, audited in the same transaction', async () => {
    const res = await hub().gql<{ addPractice: { practice: { id: string; odsCode: string; kind: string } } }>(
      'mutation ($input: AddPracticeInput!) { addPractice(input: $input) { practice { id odsCode kind pcn { odsCode } } } }',
      { input: { odsCode: 'y99018', name: 'New Quay Surgery' } },
      'hub.manager',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addPractice.practice).toMatchObject({ odsCode: 'Y99018', kind: 'PRACTICE' });
    const audit = await hub().sql<{ action: string; outcome: string }>(
      "select action, outcome from audit_event where action = 'addPractice' and actor_id = 'hub.manager'",
    );
    expect(audit).toEqual([{ action: 'addPractice', outcome: 'SUCCESS' }]);
    const again = await hub().gql(
      'mutation { addPractice(input: { odsCode: "Y99018", name: "Dup" }) { practice { id } } }',
      {},
      'hub.manager',
    );
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it.each([
    ['an invalid ODS code', { odsCode: '12345', name: 'X' }, 'input.odsCode'],
    ['a code one digit short', { odsCode: 'Y9901', name: 'X' }, 'input.odsCode'],
    ['an empty name', { odsCode: 'Y99019', name: '   ' }, 'input.name'],
  ])('rejects %s as BAD_USER_INPUT naming the field, writing nothing', async (_name, input, field) => {
    const before = await hub().sql<{ n: string }>('select count(*)::int as n from organisation');
    const res = await hub().gql(
      'mutation ($input: AddPracticeInput!) { addPractice(input: $input) { practice { id } } }',
      { input },
      'hub.manager',
    );
    expect(res.status).toBeLessThan(500);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await hub().sql('select count(*)::int as n from organisation')).toEqual(before);
  });

  it('lets a practice admin add staff to their own practice only, with roles that fit', async () => {
    const ok = await hub().gql<{
      addStaffUser: { staffUser: { username: string; roles: string[]; organisation: { odsCode: string } } };
    }>(
      'mutation ($input: AddStaffUserInput!) { addStaffUser(input: $input) { staffUser { username roles organisation { odsCode } } } }',
      {
        input: {
          username: 'p1.nurse',
          displayName: 'Pat Nurse',
          organisationOdsCode: 'Y99011',
          roles: ['PRACTICE_CLINICIAN'],
        },
      },
      'p1.admin',
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.addStaffUser.staffUser).toEqual({
      username: 'p1.nurse',
      roles: ['PRACTICE_CLINICIAN'],
      organisation: { odsCode: 'Y99011' },
    });

    const otherPractice = await hub().gql(
      'mutation ($input: AddStaffUserInput!) { addStaffUser(input: $input) { staffUser { username } } }',
      {
        input: {
          username: 'p2.nurse',
          displayName: 'Other',
          organisationOdsCode: 'Y99012',
          roles: ['PRACTICE_CLINICIAN'],
        },
      },
      'p1.admin',
    );
    // Another practice answers exactly like an unknown organisation.
    expect(codeOf(otherPractice)).toBe('NOT_FOUND');

    const misfit = await hub().gql(
      'mutation ($input: AddStaffUserInput!) { addStaffUser(input: $input) { staffUser { username } } }',
      { input: { username: 'p1.odd', displayName: 'Odd', organisationOdsCode: 'Y99011', roles: ['HUB_CLINICIAN'] } },
      'hub.manager',
    );
    expect(codeOf(misfit)).toBe('BAD_USER_INPUT');
    expect(misfit.errors![0]!.extensions!.field).toBe('input.roles');
  });
});
