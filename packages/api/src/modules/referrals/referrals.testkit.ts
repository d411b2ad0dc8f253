import { expect } from 'vitest';
import { DEMO, demoPatient } from '../../seed/demo.js';
import type { GqlResult, TestHub } from '../../test/harness.js';
import { data, freeSlots } from '../appointments/appointments.testkit.js';

/** Test helpers for the referrals suites (synthetic demo data only). */

export const REFERRAL = `id method state nhsNumber consentToRecordAccess consentRecordedAt reason outcomeReason consultationId onlineConsultationId
  fromOrganisation { odsCode } service { name } slot { id status } team { name } task { subject category body }
  document { title contentType sizeBytes reference } history { fromState toState actorId reason }`;

export const REFER = `mutation($input: ReferPatientInput!) { referPatient(input: $input) { referral { ${REFERRAL} } } }`;

export interface ReferralView {
  id: string;
  method: string;
  state: string;
  nhsNumber: string;
  consentToRecordAccess: boolean;
  consentRecordedAt: string | null;
  outcomeReason: string | null;
  consultationId: string | null;
  onlineConsultationId: string | null;
  fromOrganisation: { odsCode: string };
  service: { name: string };
  slot: { id: string; status: string } | null;
  team: { name: string } | null;
  history: { fromState: string | null; toState: string; actorId: string; reason: string | null }[];
  [key: string]: unknown;
}

/** The ODS code of demo patient `i`'s practice, and a clinician there who can refer. */
export const practiceOf = (i: number): string => DEMO.practices[demoPatient(i).practiceIndex]!.odsCode;
export const referrerOf = (i: number): string => `p${demoPatient(i).practiceIndex + 1}.gp`;
export const nhsOf = (i: number): string => demoPatient(i).nhsNumber;

/** Hands out free slots of a slot-type prefix, never the same one twice in a suite. */
export function slotPicker(hub: () => TestHub) {
  const used = new Set<string>();
  return async (prefix: string): Promise<string> => {
    const slot = (await freeSlots(hub(), prefix, 'hub.manager', 200)).find((s) => !used.has(s.id));
    expect(slot, `a free ${prefix} slot`).toBeDefined();
    used.add(slot!.id);
    return slot!.id;
  };
}

/** Sends referPatient as `as`; the raw result. */
export function refer(
  hub: TestHub,
  input: Record<string, unknown>,
  as: string,
): Promise<GqlResult<{ referPatient: { referral: ReferralView } }>> {
  return hub.gql<{ referPatient: { referral: ReferralView } }>(REFER, { input }, as);
}

/** referPatient that must succeed. */
export async function referOk(hub: TestHub, input: Record<string, unknown>, as: string): Promise<ReferralView> {
  return (await data<{ referPatient: { referral: ReferralView } }>(hub, REFER, { input }, as)).referPatient.referral;
}

/** A referral mutation taking `input` and returning its ReferralPayload. */
export async function move(
  hub: TestHub,
  mutation: string,
  input: Record<string, unknown>,
  as: string,
): Promise<GqlResult<Record<string, { referral: ReferralView }>>> {
  const inputType: Record<string, string> = {
    acceptReferral: 'ReferralMoveInput',
    completeReferral: 'ReferralMoveInput',
    rejectReferral: 'ReferralReasonedMoveInput',
    cancelReferral: 'ReferralReasonedMoveInput',
    bookReferral: 'BookReferralInput',
    recordAttendance: 'RecordAttendanceInput',
    referFromConsultation: 'ReferFromConsultationInput',
  };
  return hub.gql(
    `mutation($input: ${inputType[mutation]}!) { ${mutation}(input: $input) { referral { ${REFERRAL} } } }`,
    { input },
    as,
  );
}

export async function moveOk(
  hub: TestHub,
  mutation: string,
  input: Record<string, unknown>,
  as: string,
): Promise<ReferralView> {
  const res = await move(hub, mutation, input, as);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data![mutation]!.referral;
}

/** The history of a referral as `from>to:actor`. */
export const pathOf = (r: ReferralView): string[] =>
  r.history.map((h) => `${h.fromState ?? 'NEW'}>${h.toState}:${h.actorId}`);

/** Events of a referral: stream, seq, type, payload. */
export async function eventsOf(hub: TestHub, referralDbId: string) {
  const rows = await hub.sql<{ stream: string; seq: string | number; type: string; payload: Record<string, unknown> }>(
    'select stream, seq, type, payload from event_log where subject_id = ? order by id',
    [referralDbId],
  );
  return rows.map((r) => ({
    ...r,
    seq: Number(r.seq),
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
  }));
}
