import { expect } from 'vitest';
import { REFERRAL_INPUT, type ReferralMutation } from '../../seed/activity.js';
import { DEMO, demoPatient } from '../../seed/demo.js';
import type { GqlResult, TestHub } from '../../test/harness.js';
import { data, freeSlots, serviceIds } from '../appointments/appointments.testkit.js';

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

/**
 * The demo hub as the referral suites see it, the referral each method sends and the suite's
 * slot picker. `load()` (in the suite's `beforeAll`) fills in the service and team ids by name (the
 * same objects, so they may be destructured before) and the hub's database id.
 */
export function referralDemo(hub: () => TestHub) {
  const demo = {
    slot: slotPicker(hub),
    services: {} as Record<string, string>,
    teams: {} as Record<string, string>,
    hubId: '',
    async load(): Promise<void> {
      Object.assign(demo.services, await serviceIds(hub()));
      const t = await data<{ hubTeams: { id: string; name: string }[] }>(
        hub(),
        '{ hubTeams { id name acceptsCrossOrgTasks } }',
        {},
        'p1.gp',
      );
      Object.assign(demo.teams, Object.fromEntries(t.hubTeams.map((x) => [x.name, x.id])));
      demo.hubId = (await hub().sql<{ id: string }>("select id from organisation where ods_code = 'Y99000'"))[0]!.id;
    },
    /** A cross-organisation task for demo patient `i` to a hub team. */
    task: (i: number, team: string, extra: Record<string, unknown> = {}) => ({
      method: 'CROSS_ORGANISATION_TASK',
      serviceId: demo.services['Physiotherapy'],
      nhsNumber: nhsOf(i),
      task: {
        teamId: demo.teams[team],
        subject: 'Knee pain: please assess',
        category: 'CLINICAL_REVIEW',
        body: 'Three weeks, worse on stairs.',
      },
      ...extra,
    }),
    /** A referral letter (document send) for demo patient `i`. */
    letter: (i: number, serviceName = 'Physiotherapy') => ({
      method: 'DOCUMENT_SEND',
      serviceId: demo.services[serviceName],
      nhsNumber: nhsOf(i),
      document: {
        title: 'Referral letter',
        contentType: 'application/pdf',
        sizeBytes: 48_213,
        reference: 'docman://outbox/2026/114',
      },
    }),
    /** A cross-organisation booking of a Minor Illness slot for demo patient `i`. */
    booking: (i: number, slotId: string, extra: Record<string, unknown> = {}) => ({
      method: 'CROSS_ORGANISATION_BOOKING',
      serviceId: demo.services['Minor Illness'],
      nhsNumber: nhsOf(i),
      slotId,
      consentToRecordAccess: true,
      reason: 'Sore throat for three days',
      ...extra,
    }),
  };
  return demo;
}

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
  mutation: ReferralMutation,
  input: Record<string, unknown>,
  as: string,
): Promise<GqlResult<Record<string, { referral: ReferralView }>>> {
  return hub.gql(
    `mutation($input: ${REFERRAL_INPUT[mutation]}!) { ${mutation}(input: $input) { referral { ${REFERRAL} } } }`,
    { input },
    as,
  );
}

export async function moveOk(
  hub: TestHub,
  mutation: ReferralMutation,
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
