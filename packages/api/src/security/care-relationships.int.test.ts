import { expect, it } from 'vitest';
import { syntheticNhsNumber } from '@pcn-hub/schema';
import { codeOf, describeEachDatabase } from '../test/harness.js';
import { demoPatient } from '../seed/demo.js';
import { asPlugin, registerPlugin } from '../modules/plugins/plugins.testkit.js';
import { submit } from '../modules/inbox/inbox.testkit.js';

const RECORD = `mutation ($input: RecordConsultationInput!) {
  recordConsultation(input: $input) { consultation { id patientId patient { nhsNumber givenName familyName dateOfBirth } } }
}`;

type Answer = {
  recordConsultation: {
    consultation: { id: string; patientId: string; patient: Record<string, string> | null };
  } | null;
};

/** Patient 0 is registered at practice 1 (Y99011), patient 1 at practice 2 (Y99012). */
const OWN = demoPatient(0).nhsNumber;
const ELSEWHERE = demoPatient(1).nhsNumber;
const UNKNOWN = syntheticNhsNumber(700_001);

describeEachDatabase('care relationships open a patient, not NHS numbers', (hub) => {
  async function drafts(): Promise<number> {
    return (await hub().sql<{ n: number }>('select count(*)::int as n from consultation'))[0]!.n;
  }

  it('a practice records for its own registered patient', async () => {
    const answer = await hub().gql<Answer>(RECORD, { input: { nhsNumber: OWN } }, 'p1.gp');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.recordConsultation?.consultation.patient?.nhsNumber).toBe(OWN);
  });

  it("another practice's patient answers exactly like an unknown NHS number, and nothing is stored", async () => {
    const before = await drafts();
    const foreign = await hub().gql<Answer>(RECORD, { input: { nhsNumber: ELSEWHERE } }, 'p1.gp');
    const unknown = await hub().gql<Answer>(RECORD, { input: { nhsNumber: UNKNOWN } }, 'p1.gp');
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect({ status: foreign.status, data: foreign.data, errors: foreign.errors }).toEqual({
      status: unknown.status,
      data: unknown.data,
      errors: unknown.errors,
    });
    expect(JSON.stringify(foreign)).not.toContain(demoPatient(1).familyName);
    expect(await drafts()).toBe(before);
  });

  it("the hub records for its PCN's patients", async () => {
    const answer = await hub().gql<Answer>(RECORD, { input: { nhsNumber: ELSEWHERE } }, 'hub.anp1');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.recordConsultation?.consultation.patient?.nhsNumber).toBe(ELSEWHERE);
  });

  it("refuses another organisation's inbox item, like a missing one", async () => {
    // Patient 1's online consultation: owned by practice 2 or the hub, never by practice 1.
    const inboxId = (await submit(hub(), 1)).consultationId;
    const foreign = await hub().gql(RECORD, { input: { nhsNumber: OWN, inboxConsultationId: inboxId } }, 'p1.gp');
    const missing = await hub().gql(
      RECORD,
      {
        input: {
          nhsNumber: OWN,
          inboxConsultationId: Buffer.from('OnlineConsultation:01900000-0000-7000-8000-0000000000ff').toString(
            'base64url',
          ),
        },
      },
      'p1.gp',
    );
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors).toEqual(missing.errors);
  });

  it('a plugin without patients:read receives the patient id, never demographics', async () => {
    const plugin = await registerPlugin(hub(), {
      scopes: ['consultations:write', 'entries:write', 'consultations:read'],
    });
    const answer = await asPlugin(hub(), plugin.key)<Answer>(RECORD, { input: { nhsNumber: ELSEWHERE } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.recordConsultation?.consultation.patient).toBeNull();
    expect(answer.data?.recordConsultation?.consultation.patientId).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(answer)).not.toContain(ELSEWHERE);
  });
});
