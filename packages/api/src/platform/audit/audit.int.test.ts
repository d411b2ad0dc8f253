import { demoPatient } from '../../seed/demo.js';
import { syntheticNhsNumber } from '@pcn-hub/schema';
import { expect, it } from 'vitest';
import { codeOf, describeEachDatabase } from '../../test/harness.js';

const AUDIT = `query ($filter: AuditEventFilter, $after: String) {
  auditEvents(filter: $filter, first: 5, after: $after) {
    edges { node { action outcome actorId patientId requestId subjectType } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AuditPage {
  auditEvents: {
    edges: {
      node: { action: string; outcome: string; actorId: string; patientId: string | null; requestId: string | null };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describeEachDatabase('audit trail', (hub) => {
  it('records every patient read with who, which patient, outcome and request id, and lets a hub manager query it', async () => {
    const read = await hub().gql<{ patient: { id: string } }>(
      'query ($n: NHSNumber!) { patient(nhsNumber: $n) { id } }',
      { n: syntheticNhsNumber(3) },
      'hub.anp2',
    );
    expect(read.errors).toBeUndefined();
    const patientId = read.data!.patient.id;
    const res = await hub().gql<AuditPage>(AUDIT, { filter: { patientId } }, 'hub.manager');
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.auditEvents.edges.map((e) => e.node);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ action: 'readPatient', outcome: 'SUCCESS', actorId: 'hub.anp2', patientId });
    expect(nodes[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records a list read once per patient returned', async () => {
    const list = await hub().gql<{ patients: { edges: unknown[] } }>(
      '{ patients(first: 7) { edges { cursor } } }',
      {},
      'hub.coord2',
    );
    expect(list.data!.patients.edges).toHaveLength(7);
    const rows = await hub().sql<{ n: number }>(
      "select count(*)::int as n from audit_event where actor_id = 'hub.coord2' and action = 'readPatient' and patient_id is not null",
    );
    expect(rows[0]!.n).toBe(7);
  });

  it('filters by actor and pages newest first', async () => {
    for (let i = 10; i < 17; i += 1) {
      await hub().gql(
        'query ($n: NHSNumber!) { patient(nhsNumber: $n) { id } }',
        { n: syntheticNhsNumber(i) },
        'hub.anp3',
      );
    }
    const first = await hub().gql<AuditPage>(AUDIT, { filter: { actorId: 'hub.anp3' } }, 'hub.manager');
    expect(first.data!.auditEvents.edges).toHaveLength(5);
    expect(first.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
    const second = await hub().gql<AuditPage>(
      AUDIT,
      { filter: { actorId: 'hub.anp3' }, after: first.data!.auditEvents.pageInfo.endCursor },
      'hub.manager',
    );
    expect(second.data!.auditEvents.edges).toHaveLength(2);
    expect(second.data!.auditEvents.pageInfo.hasNextPage).toBe(false);
  });

  it('is for hub managers, and for practice admins about their own registered patients only', async () => {
    expect(codeOf(await hub().gql(AUDIT, {}, 'hub.anp1'))).toBe('FORBIDDEN');
    expect(codeOf(await hub().gql(AUDIT, {}, 'p1.gp'))).toBe('FORBIDDEN');
    // Someone (the hub) reads a patient of practice 1 and one of practice 2.
    for (const nhsNumber of [demoPatient(0).nhsNumber, demoPatient(1).nhsNumber]) {
      expect(
        (await hub().gql('query ($n: NHSNumber!) { patient(nhsNumber: $n) { id } }', { n: nhsNumber }, 'hub.anp2'))
          .errors,
      ).toBeUndefined();
    }
    const own = await hub().gql<AuditPage>(AUDIT, { filter: { actorId: 'hub.anp2' } }, 'p1.admin');
    expect(own.errors).toBeUndefined();
    const seen = own.data!.auditEvents.edges.map((e) => e.node.patientId);
    expect(seen.length).toBeGreaterThan(0);
    const ofPractice1 = await hub().sql<{ id: string }>(
      "select p.id from patient p join organisation o on o.id = p.registered_practice_id where o.ods_code = 'Y99011'",
    );
    const allowed = new Set(ofPractice1.map((r) => Buffer.from(`Patient:${r.id}`).toString('base64url')));
    for (const patientId of seen) expect(allowed.has(patientId!)).toBe(true);
  });

  it('rejects a filter with a malformed patient id', async () => {
    const res = await hub().gql(AUDIT, { filter: { patientId: 'nope' } }, 'hub.manager');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.field).toBe('filter.patientId');
  });
});
