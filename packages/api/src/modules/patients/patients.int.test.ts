import { syntheticNhsNumber } from '@pcn-hub/schema';
import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase, seedForeignPcn, type GqlResult } from '../../test/harness.js';
import { toGlobalId } from '../../platform/graphql/relay.js';

const PATIENT =
  'query ($n: NHSNumber!) { patient(nhsNumber: $n) { id nhsNumber familyName registeredPractice { odsCode } } }';
const REGISTER =
  'mutation ($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id nhsNumber registeredPractice { odsCode } } } }';

// Demo patient i is registered at practice i % 7: 0 -> Y99011 (p1), 1 -> Y99012 (p2).
const atP1 = syntheticNhsNumber(0);
const atP2 = syntheticNhsNumber(1);

describeEachDatabase('patients and tenant isolation', (hub) => {
  it('lets a practice read its own patient and audits the read', async () => {
    const res = await hub().gql<{ patient: { id: string; registeredPractice: { odsCode: string } } }>(
      PATIENT,
      { n: atP1 },
      'p1.gp',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.patient.registeredPractice.odsCode).toBe('Y99011');
    const rows = await hub().sql<{ n: number }>(
      "select count(*)::int as n from audit_event where action = 'readPatient' and actor_id = 'p1.gp' and outcome = 'SUCCESS' and patient_id is not null",
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it("answers NOT_FOUND for another practice's patient, exactly as for an unknown NHS number", async () => {
    const foreign = await hub().gql(PATIENT, { n: atP2 }, 'p1.gp');
    const unknown = await hub().gql(PATIENT, { n: syntheticNhsNumber(800_000) }, 'p1.gp');
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(foreign.errors![0]!.message).not.toContain(atP2);
  });

  it("lets the hub read any patient of its PCN's practices, but not another PCN's", async () => {
    expect((await hub().gql(PATIENT, { n: atP2 }, 'hub.anp1')).errors).toBeUndefined();
    const { nhsNumber, patientId } = await seedForeignPcn(hub());
    expect(codeOf(await hub().gql(PATIENT, { n: nhsNumber }, 'hub.anp1'))).toBe('NOT_FOUND');
    const node = await hub().gql(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: toGlobalId('Patient', patientId) },
      'hub.anp1',
    );
    expect(node.data).toEqual({ node: null });
  });

  it('pages through patients with stable keyset cursors and no overlap', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    type Page = {
      patients: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    };
    do {
      // Annotated: `after` feeds the request and is assigned from its answer (TS7022 otherwise).
      const res: GqlResult<Page> = await hub().gql<Page>(
        'query ($after: String) { patients(first: 30, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
        'p3.gp',
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data!.patients;
      for (const e of conn.edges) {
        expect(seen.has(e.node.id)).toBe(false);
        seen.add(e.node.id);
      }
      after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 50);
    const [{ n }] = (await hub().sql<{ n: number }>(
      "select count(*)::int as n from patient p join organisation o on o.id = p.registered_practice_id where o.ods_code = 'Y99013'",
    )) as [{ n: number }];
    expect(seen.size).toBe(n);
  });

  it('finds a patient by family-name prefix or NHS number', async () => {
    const res = await hub().gql<{ patients: { edges: { node: { familyName: string } }[] } }>(
      '{ patients(search: "abb", first: 5) { edges { node { familyName } } } }',
      {},
      'hub.anp1',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.patients.edges.length).toBeGreaterThan(0);
    expect(res.data!.patients.edges.every((e) => e.node.familyName === 'Abbott')).toBe(true);
  });

  it('rejects a malformed cursor as BAD_USER_INPUT on after', async () => {
    const res = await hub().gql('{ patients(after: "nonsense!") { edges { cursor } } }', {}, 'hub.anp1');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe('after');
  });

  it('registers a patient; a duplicate NHS number is CONFLICT', async () => {
    const input = {
      nhsNumber: syntheticNhsNumber(700_001),
      givenName: 'Nova',
      familyName: 'Testwell',
      dateOfBirth: '1990-05-06',
      registeredPracticeOdsCode: 'Y99011',
    };
    const res = await hub().gql(REGISTER, { input }, 'p1.admin');
    expect(res.errors).toBeUndefined();
    expect(codeOf(await hub().gql(REGISTER, { input }, 'hub.manager'))).toBe('CONFLICT');
    const audit = await hub().sql(
      "select 1 from audit_event where action = 'registerPatient' and actor_id = 'p1.admin'",
    );
    expect(audit).toHaveLength(1);
  });

  it.each([
    ['invalid NHS number', { nhsNumber: '9434765918' }, 'input.nhsNumber'],
    ['ten digits with a check digit of 10', { nhsNumber: '1234567890' }, 'input.nhsNumber'],
    ['date of birth in the future', { dateOfBirth: '2999-01-01' }, 'input.dateOfBirth'],
    ['malformed date of birth', { dateOfBirth: '06/05/1990' }, 'input.dateOfBirth'],
    ['empty family name', { familyName: ' ' }, 'input.familyName'],
    ['invalid ODS code', { registeredPracticeOdsCode: 'nope!' }, 'input.registeredPracticeOdsCode'],
  ])(
    'rejects %s as BAD_USER_INPUT naming the field, stores nothing, echoes no patient data',
    async (_n, override, field) => {
      const input = {
        nhsNumber: syntheticNhsNumber(700_002),
        givenName: 'Orrin',
        familyName: 'Quillfeather',
        dateOfBirth: '1985-01-02',
        registeredPracticeOdsCode: 'Y99011',
        ...override,
      };
      const res = await hub().gql(REGISTER, { input }, 'hub.manager');
      expect(res.status).toBeLessThan(500);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe(field);
      const text = JSON.stringify(res);
      for (const value of Object.values(override)) if (value.trim().length > 2) expect(text).not.toContain(value);
      expect(text).not.toContain('Quillfeather');
      expect(await hub().sql("select 1 from patient where family_name = 'Quillfeather'")).toEqual([]);
    },
  );

  it('does not let a practice admin register a patient at another practice', async () => {
    const res = await hub().gql(
      REGISTER,
      {
        input: {
          nhsNumber: syntheticNhsNumber(700_003),
          givenName: 'A',
          familyName: 'B',
          dateOfBirth: '1970-01-01',
          registeredPracticeOdsCode: 'Y99012',
        },
      },
      'p1.admin',
    );
    expect(codeOf(res)).toBe('NOT_FOUND');
  });
});
