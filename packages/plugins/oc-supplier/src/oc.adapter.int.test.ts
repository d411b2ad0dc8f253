import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  registerTestPlugin,
  startTestHub,
  syntheticNhsNumber,
  type RegisteredTestPlugin,
  type TestHub,
} from '@pcn-hub/sdk/testing';
import { OcSupplierAdapter } from './oc.adapter.js';
import { OcFormError, OcPracticeNotEnabledError } from './oc.errors.js';
import { ocSupplierManifest } from './oc.manifest.js';
import type { SupplierForm } from './oc.types.js';

/** Demo patient `7k + (p - 1)` is registered at practice p (Y9901p). p1 and p3 enable the plugin; p4 does not. */
const patientAt = (practice: number, k: number): string => syntheticNhsNumber(7 * k + (practice - 1));
const PRACTICE_ODS = (practice: number): string => `Y9901${practice}`;

let hub: TestHub;
let plugin: RegisteredTestPlugin;
/** HTTP calls the adapters made, by supplier reference: proves what did (not) reach the hub. */
const calls = new Map<string, number>();
/** Supplier references whose first answer is lost on the way back (the request reached the hub). */
const loseFirstAnswer = new Set<string>();

const countingFetch: typeof fetch = async (url, init) => {
  const reference = /"supplierReference":"([^"]+)"/.exec(typeof init?.body === 'string' ? init.body : '')?.[1] ?? '';
  calls.set(reference, (calls.get(reference) ?? 0) + 1);
  const response = await fetch(url, init);
  if (loseFirstAnswer.delete(reference)) throw new TypeError('fetch failed: socket hang up');
  return response;
};

const adapter = (): OcSupplierAdapter =>
  new OcSupplierAdapter({
    supplier: 'ACME_OC',
    // Retries are the client's (one schedule); short delays keep the test quick.
    clientFor: (ods) => plugin.client(ods, { fetch: countingFetch, retry: { baseDelayMs: 10 } }),
  });

/** A form as the patient filled it in, with the demographics the practice holds (so the hub matches the patient). */
async function formFor(practice: number, k: number, reference: string): Promise<SupplierForm> {
  const nhsNumber = patientAt(practice, k);
  const data = await hub
    .client(`p${practice}.gp`)
    .request('query ($n: NHSNumber!) { patient(nhsNumber: $n) { givenName familyName dateOfBirth } }', {
      n: nhsNumber,
    });
  const patient = data.patient as { givenName: string; familyName: string; dateOfBirth: string };
  return {
    supplierReference: reference,
    practiceOdsCode: PRACTICE_ODS(practice),
    patient: { nhsNumber, ...patient },
    type: 'CLINICAL',
    template: 'Sore throat',
    submittedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    answers: [
      { questionId: 'q1', question: 'How long have you had it?', answer: 'Three days' },
      { questionId: 'q2', question: 'Can you swallow fluids?', answer: 'No' },
    ],
    redFlags: [{ questionId: 'q2', description: 'Unable to swallow fluids' }],
  };
}

/** Staff of the owning organisation read their inbox: the consultations there with this reference. */
async function inboxCopies(ownerOdsCode: string, reference: string) {
  const staff = ownerOdsCode === 'Y99000' ? 'hub.anp1' : `p${ownerOdsCode.slice(-1)}.gp`;
  const data = await hub
    .client(staff)
    .request(
      'query ($o: OdsCode!) { inbox(organisation: $o, first: 200) { edges { node { id supplier supplierReference state redFlagCount } } } }',
      {
        o: ownerOdsCode,
      },
    );
  const edges = (data.inbox as { edges: { node: Record<string, unknown> }[] }).edges;
  return edges.map((edge) => edge.node).filter((node) => node.supplierReference === reference);
}

beforeAll(async () => {
  hub = await startTestHub();
  plugin = await registerTestPlugin(hub, ocSupplierManifest, { enableAs: ['p1.admin', 'p3.admin'] });
});

afterAll(async () => {
  await hub.stop();
});

describe('OcSupplierAdapter against a hub', () => {
  it("submits a form into the inbox its practice's routing chooses, as triage staff there see it", async () => {
    const submitted = await adapter().submit(await formFor(1, 1, 'ACME-1001'));
    expect(submitted).toMatchObject({ created: true, fromCache: false, supplierReference: 'ACME-1001' });
    expect(['Y99011', 'Y99000']).toContain(submitted.ownerOdsCode);
    const copies = await inboxCopies(submitted.ownerOdsCode, 'ACME-1001');
    expect(copies).toEqual([
      {
        id: submitted.consultationId,
        supplier: 'ACME_OC',
        supplierReference: 'ACME-1001',
        state: 'AWAITING_TRIAGE',
        redFlagCount: 1,
      },
    ]);
  });

  it('answers the e-mail copy and a resend with the first consultation and stores nothing new', async () => {
    const api = adapter();
    const form = await formFor(3, 2, 'ACME-2002');
    const first = await api.submit(form);
    // The e-mail copy, parsed by another instance (no shared cache), arrives later with its own timestamp.
    const emailCopy = await adapter().submit({ ...form, submittedAt: new Date().toISOString() });
    expect(emailCopy).toMatchObject({ consultationId: first.consultationId, created: false, fromCache: false });
    // A resend through the same adapter is answered from its recent references: no call.
    const before = calls.get('ACME-2002');
    const resent = await api.submit(form);
    expect(resent).toMatchObject({ consultationId: first.consultationId, created: false, fromCache: true });
    expect(calls.get('ACME-2002')).toBe(before);
    expect(await inboxCopies(first.ownerOdsCode, 'ACME-2002')).toHaveLength(1);

    // Two copies at the same moment share one call.
    const twin = await formFor(3, 3, 'ACME-2003');
    const [a, b] = await Promise.all([api.submit(twin), api.submit({ ...twin })]);
    expect(a.consultationId).toBe(b.consultationId);
    expect(calls.get('ACME-2003')).toBe(1);
  });

  it('retries a submission whose answer was lost, and the hub returns the one it stored', async () => {
    loseFirstAnswer.add('ACME-3001');
    const submitted = await adapter().submit(await formFor(1, 4, 'ACME-3001'));
    expect(calls.get('ACME-3001')).toBe(2);
    // The first attempt stored it; the retry got it back.
    expect(submitted.created).toBe(false);
    expect(await inboxCopies(submitted.ownerOdsCode, 'ACME-3001')).toEqual([
      expect.objectContaining({ id: submitted.consultationId }),
    ]);
  });

  it('refuses a practice that did not enable the plugin with a typed error', async () => {
    const form = await formFor(4, 5, 'ACME-4001');
    const error: unknown = await adapter()
      .submit(form)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcPracticeNotEnabledError);
    expect(error).toMatchObject({ practiceOdsCode: 'Y99014', cause: { code: 'FORBIDDEN' } });
    // Acting for an enabling practice does not open another practice's inbox either.
    const wrongClient = new OcSupplierAdapter({ supplier: 'ACME_OC', clientFor: () => plugin.client('Y99011') });
    const other: unknown = await wrongClient.submit(form).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(OcPracticeNotEnabledError);
    expect(other).toMatchObject({ cause: { code: 'BAD_USER_INPUT', field: 'input.originatingPracticeOdsCode' } });
  });

  it('gives a typed validation error for a bad form before any call', async () => {
    const form = await formFor(1, 6, 'ACME-5001');
    const error: unknown = await adapter()
      .submit({ ...form, patient: { ...form.patient, nhsNumber: '9990000084' }, answers: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcFormError);
    expect((error as OcFormError).issues.map((issue) => issue.field)).toEqual([
      'patient.nhsNumber',
      'answers',
      'redFlags[0].questionId',
    ]);
    expect(calls.get('ACME-5001')).toBeUndefined();
  });
});
