import { syntheticNhsNumber } from '@pcn-hub/schema';
import { expect } from 'vitest';
import type { Role } from '../../platform/auth/roles.js';
import type { GqlResult, TestHub } from '../../test/harness.js';

/** dm+d codes for tests: real amoxicillin/paracetamol concepts, and SYNTHETIC controlled drugs. */
export const DMD = {
  amoxicillin: '39732311000001104',
  paracetamol: '317335000',
  scheduleOne: '99901011000001103',
  scheduleTwo: '99902011000001106',
} as const;

/** Demo patient number `n` registered at practice p1..p7 (Y99011..Y99017). */
export const patientAt = (practice: number, n: number): string => syntheticNhsNumber(7 * n + (practice - 1));

export const item = (dmdCode: string = DMD.amoxicillin, quantity = 21) => ({
  dmdCode,
  medicineName: 'Amoxicillin 250mg capsules',
  quantity,
  unit: 'capsule',
  dosageText: 'One capsule three times a day',
});

const FIELDS =
  'id state courseOfTherapy shortFormId longFormId issuerOds prescriberCode prescriberCodeKind prescriptionType statusReason consultationId ' +
  'items { lineNo dmdCode quantity unit controlledDrugSchedule } history { action fromState toState actorId reason } registeredPractice { odsCode }';

export const RAISE = `mutation ($input: RaisePrescriptionInput!) { raisePrescription(input: $input) { prescription { ${FIELDS} } } }`;
export const ISSUE = `mutation ($id: ID!) { issuePrescription(input: { prescriptionId: $id }) { prescription { ${FIELDS} } } }`;
export const ISSUE_AT_PRACTICE = `mutation ($id: ID!) { issueRepeatAtPractice(input: { prescriptionId: $id }) { prescription { ${FIELDS} } } }`;
export const REJECT = `mutation ($id: ID!, $reason: String!) { rejectPrescription(input: { prescriptionId: $id, reason: $reason }) { prescription { ${FIELDS} } } }`;
export const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelPrescription(input: { prescriptionId: $id, reason: $reason }) { prescription { ${FIELDS} } } }`;
export const DISPENSED = `mutation ($id: ID!) { recordPrescriptionDispensed(input: { prescriptionId: $id }) { prescription { ${FIELDS} } } }`;
export const GET = `query ($id: ID!) { prescription(id: $id) { ${FIELDS} patient { nhsNumber } } }`;

export interface PrescriptionView {
  id: string;
  state: string;
  courseOfTherapy: string;
  shortFormId: string | null;
  longFormId: string | null;
  issuerOds: string | null;
  prescriberCode: string | null;
  prescriberCodeKind: string | null;
  prescriptionType: string | null;
  statusReason: string | null;
  consultationId: string | null;
  items: { lineNo: number; dmdCode: string; quantity: number; unit: string; controlledDrugSchedule: string | null }[];
  history: { action: string; fromState: string | null; toState: string; actorId: string; reason: string | null }[];
  registeredPractice: { odsCode: string };
  patient?: { nhsNumber: string } | null;
}

/** Credentials for a made-up token: a hub user with exactly `roles`. */
export async function asUser(hub: TestHub, username: string, roles: Role[]): Promise<{ token: string }> {
  const claims: { sub: string; org: string; roles: Role[] } = { sub: username, org: 'Y99000', roles };
  return { token: await hub.token(claims) };
}

/** Runs an operation and returns its data, failing the test with the errors if any. */
export async function must<T>(res: Promise<GqlResult<T>>): Promise<T> {
  const out = await res;
  expect(out.errors, JSON.stringify(out.errors)).toBeUndefined();
  return out.data!;
}

export async function raise(hub: TestHub, user: string, input: Record<string, unknown>): Promise<PrescriptionView> {
  return (await must(hub.gql<{ raisePrescription: { prescription: PrescriptionView } }>(RAISE, { input }, user)))
    .raisePrescription.prescription;
}

export async function issue(hub: TestHub, user: string, id: string): Promise<PrescriptionView> {
  return (await must(hub.gql<{ issuePrescription: { prescription: PrescriptionView } }>(ISSUE, { id }, user)))
    .issuePrescription.prescription;
}

/** Raises and issues an acute prescription for demo patient `nhsNumber`. */
export async function raiseAndIssue(
  hub: TestHub,
  nhsNumber: string,
  extra: Record<string, unknown> = {},
  user = 'hub.anp1',
): Promise<PrescriptionView> {
  const raised = await raise(hub, user, { nhsNumber, items: [item()], courseOfTherapy: 'ACUTE', ...extra });
  return issue(hub, user, raised.id);
}

/** Row counts of everything a prescribing write touches, to prove a refusal wrote nothing. */
export async function footprint(hub: TestHub): Promise<Record<string, number>> {
  const [row] = await hub.sql<Record<string, number>>(
    `select (select count(*)::int from prescription) as prescriptions,
            (select count(*)::int from prescription_item) as items,
            (select count(*)::int from prescription_transition) as transitions,
            (select count(*)::int from prescription_sequence) as sequences,
            (select coalesce(sum(last_value), 0)::int from prescription_sequence) as sequence_sum,
            (select count(*)::int from event_log where stream like 'prescribing:%') as events,
            (select count(*)::int from audit_event where subject_type = 'Prescription' and outcome = 'SUCCESS' and action <> 'readPrescription') as audits`,
  );
  return row!;
}
