import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '../platform/auth/roles.js';
import type { Em } from '../platform/db/orm.js';
import type { HubApp } from '../app.js';
import { DEMO, DEMO_USERS, demoPatient } from './demo.js';
import { DEMO_BOOKS, slotTypeName } from '../modules/appointments/index.js';
import {
  DEMO_STORIES,
  DEMO_SUPPLIERS,
  SUBMIT_ONLINE_CONSULTATION,
  demoSubmission,
  liveReference,
  liveSubmission,
  seededRandom,
} from './traffic.js';

/**
 * The demo PCN's activity: online consultations in every inbox folder and state, hub consultations
 * whose write-back is delivered, retrying and blocked, acute and repeat prescriptions, referrals by
 * every method and in most states, and booked and free slots over the next two weeks.
 *
 * Every row is made by the hub's own GraphQL API, called in process as the demo users (events,
 * audit, outbox and write-back all happen as they would for a person). Deterministic: fixed
 * references (`DEMO-0001`...), patients chosen by index, fixed stories; times relative to now.
 * Nothing here logs patient data: failures name the step and the error codes only.
 */

/** What `seedDemoActivity` made (ids and counts only). */
export interface DemoActivitySummary {
  readonly seeded: boolean;
  readonly onlineConsultations: number;
  readonly hubConsultations: number;
  readonly prescriptions: number;
  readonly referrals: number;
  readonly slotsAdded: number;
  readonly ms: number;
}

/** The subset of a running app the activity needs. */
type ActivityApp = Pick<HubApp, 'server' | 'tokens' | 'orm'>;

type Data = Record<string, unknown>;

class DemoActivityError extends Error {
  constructor(step: string, codes: string) {
    super(`demo activity step "${step}" failed: ${codes}`);
    this.name = 'DemoActivityError';
  }
}

/** Runs operations in process as demo users. */
class Driver {
  private readonly tokens = new Map<string, string>();
  operations = 0;

  constructor(
    private readonly app: ActivityApp,
    private readonly signal?: AbortSignal,
  ) {}

  private async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const user = DEMO_USERS.find((u) => u.username === username);
    if (!user) throw new Error(`no demo user ${username}`);
    const sign = this.app.tokens.sign;
    if (!sign) throw new Error('the hub cannot mint tokens (JWT_JWKS_URL): no demo activity');
    const token = await sign({ sub: user.username, org: user.odsCode, roles: [...user.roles] as Role[] }, 3600);
    this.tokens.set(username, token);
    return token;
  }

  /** Runs `query` as `username`; throws on any error (naming the step and codes, never values). */
  async run<T = Data>(step: string, username: string, query: string, variables: Data = {}): Promise<T> {
    if (this.signal?.aborted) throw new DemoActivityError(step, 'STOPPED');
    const contextValue = await this.app.server.contextFor(`Bearer ${await this.token(username)}`);
    this.operations += 1;
    const response = await this.app.server.apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new DemoActivityError(step, 'INCREMENTAL_RESULT');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) {
      const text = (v: unknown): string => (typeof v === 'string' ? v : '');
      throw new DemoActivityError(
        step,
        errors
          .map(
            (e) =>
              `${text(e.extensions?.code) || 'ERROR'}${text(e.extensions?.field) ? ` (${text(e.extensions?.field)})` : ''}`,
          )
          .join(', '),
      );
    }
    return data as T;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Demo patient number `n` registered at practice `p` (1-7). */
const at = (p: number, n: number): number => 7 * n + (p - 1);
const nhs = (i: number): string => demoPatient(i).nhsNumber;
const gpOf = (i: number): string => `p${demoPatient(i).practiceIndex + 1}.gp`;

type Flow =
  | 'await'
  | 'pulled'
  | 'matched'
  | 'unmatched'
  | 'claimed'
  | 'queue'
  | 'admin'
  | 'urgent'
  | 'progress'
  | 'external'
  | 'remote'
  | 'complete'
  | 'cancel'
  | 'passback'
  | 'passback-claimed';

/** How many consultations go down each path (80 in all). */
const FLOWS: readonly (readonly [Flow, number])[] = [
  ['await', 16],
  ['pulled', 2],
  ['matched', 1],
  ['unmatched', 5],
  ['claimed', 8],
  ['queue', 8],
  ['admin', 6],
  ['urgent', 4],
  ['progress', 5],
  ['external', 3],
  ['remote', 3],
  ['complete', 10],
  ['cancel', 4],
  ['passback', 4],
  ['passback-claimed', 1],
];

const CLINICAL = DEMO_STORIES.filter((s) => s.type === 'CLINICAL' && !s.redFlag);
const RED_FLAG = DEMO_STORIES.filter((s) => s.redFlag);
const ADMIN = DEMO_STORIES.filter((s) => s.type === 'ADMIN');
const TRIAGERS = ['hub.anp1', 'hub.anp2', 'hub.anp3', 'hub.pharmacist'] as const;
const URGENCIES = ['SAME_DAY', 'WITHIN_24_HOURS', 'WITHIN_3_DAYS', 'WITHIN_5_DAYS', 'ROUTINE'] as const;

/** The input type of each triage mutation: the demo's and the inbox tests' one list. */
export const TRIAGE_INPUT = {
  claimConsultation: 'ConsultationRefInput',
  releaseConsultation: 'ConsultationRefInput',
  overrideConsultationLock: 'ConsultationReasonInput',
  signpostConsultation: 'SignpostConsultationInput',
  passBackToPractice: 'PassBackToPracticeInput',
  pullToHub: 'PullToHubInput',
  completeConsultation: 'CompleteConsultationInput',
  cancelConsultation: 'ConsultationReasonInput',
  matchConsultationPatient: 'MatchConsultationPatientInput',
} as const;
export type TriageMutation = keyof typeof TRIAGE_INPUT;
const triage = (mutation: TriageMutation) =>
  `mutation Demo($input: ${TRIAGE_INPUT[mutation]}!) { ${mutation}(input: $input) { consultation { id state } } }`;

interface Services {
  readonly byName: Record<string, string>;
  readonly teams: Record<string, string>;
}

/** Seeds the demo activity unless the database already has online consultations. */
export async function seedDemoActivity(
  app: ActivityApp,
  options: { signal?: AbortSignal } = {},
): Promise<DemoActivitySummary> {
  const started = performance.now();
  const em: Em = app.orm.em.fork();
  const existing = await em
    .getConnection()
    .execute<{ n: string | number }[]>('select count(*) as n from online_consultation', []);
  const hub = await em
    .getConnection()
    .execute<{ id: string }[]>("select id from organisation where ods_code = ? and kind = 'HUB'", [DEMO.hub.odsCode]);
  if (Number(existing[0]?.n ?? 0) > 0 || hub.length === 0) {
    return {
      seeded: false,
      onlineConsultations: 0,
      hubConsultations: 0,
      prescriptions: 0,
      referrals: 0,
      slotsAdded: 0,
      ms: 0,
    };
  }
  const d = new Driver(app, options.signal);
  const now = Date.now();
  const services = await loadServices(d);
  const slotsAdded = await extendBooks(d, now);
  const inbox = await seedInbox(d, app, services, now);
  const hubConsultations = await seedHubConsultations(d);
  const prescriptions = await seedPrescriptions(d);
  const referrals = await seedReferrals(d, services, inbox.signpostedToServices);
  return {
    seeded: true,
    onlineConsultations: inbox.count,
    hubConsultations: hubConsultations + referrals.hubConsultations,
    prescriptions,
    referrals: referrals.count + inbox.signpostedToServices.length,
    slotsAdded,
    ms: Math.round(performance.now() - started),
  };
}

async function loadServices(d: Driver): Promise<Services> {
  const { hubServices } = await d.run<{ hubServices: { id: string; name: string }[] }>(
    'hub services',
    'hub.manager',
    '{ hubServices { id name } }',
  );
  const { hubTeams } = await d.run<{ hubTeams: { id: string; name: string }[] }>(
    'hub teams',
    'p1.gp',
    '{ hubTeams { id name } }',
  );
  return {
    byName: Object.fromEntries(hubServices.map((s) => [s.name, s.id])),
    teams: Object.fromEntries(hubTeams.map((t) => [t.name, t.id])),
  };
}

/** The seed's books hold five days of slots; sessions for days 6-14 (not Sundays) make it two weeks. */
async function extendBooks(d: Driver, now: number): Promise<number> {
  const { appointmentBooks } = await d.run<{ appointmentBooks: { id: string; name: string }[] }>(
    'appointment books',
    'hub.manager',
    '{ appointmentBooks { id name } }',
  );
  const { slotTypes } = await d.run<{ slotTypes: { id: string; name: string }[] }>(
    'slot types',
    'hub.manager',
    '{ slotTypes { id name } }',
  );
  const today = new Date(now);
  let added = 0;
  for (const book of DEMO_BOOKS) {
    const bookId = appointmentBooks.find((b) => b.name === book.name)?.id;
    if (!bookId) continue;
    for (let day = 6; day <= 14; day += 1) {
      for (const session of book.sessions) {
        const start = new Date(
          Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + day, session.hour),
        );
        if (start.getUTCDay() === 0) continue;
        const slotTypeId = slotTypes.find((t) => t.name === slotTypeName(DEMO.pcn.odsCode, book.tag, session.mode))?.id;
        if (!slotTypeId) continue;
        const res = await d.run<{ createSlotSession: { slots: unknown[] } }>(
          'slot session',
          'hub.manager',
          'mutation Demo($input: CreateSlotSessionInput!) { createSlotSession(input: $input) { slots { id } } }',
          {
            input: {
              bookId,
              slotTypeId,
              start: start.toISOString(),
              end: new Date(start.getTime() + session.minutes * MINUTE).toISOString(),
              slotMinutes: session.slotMinutes,
            },
          },
        );
        added += res.createSlotSession.slots.length;
      }
    }
  }
  return added;
}

interface InboxResult {
  readonly count: number;
  /** Consultations signposted to a hub service's queue, with the service: referred INBOX_SIGNPOST later. */
  readonly signpostedToServices: { consultationId: string; serviceId: string }[];
}

async function seedInbox(d: Driver, app: ActivityApp, services: Services, now: number): Promise<InboxResult> {
  const minorIllness = services.byName['Minor Illness']!;
  const pharmacy = services.byName['Pharmacy']!;
  const physio = services.byName['Physiotherapy']!;
  const signpostedToServices: { consultationId: string; serviceId: string }[] = [];
  const overdue: string[] = [];
  let k = 0;
  for (const [flow, n] of FLOWS) {
    for (let j = 0; j < n; j += 1) {
      k += 1;
      const reference = `DEMO-${String(k).padStart(4, '0')}`;
      // Patients 100-479, spread over the seven practices; unmatched ones are unknown numbers (500+).
      const patientIndex = flow === 'unmatched' && j < 3 ? DEMO.patientCount + 10 + j : 100 + ((k * 37) % 380);
      const redFlag =
        flow === 'urgent' ||
        (flow === 'await' && j < 3) ||
        (flow === 'claimed' && j === 0) ||
        (flow === 'complete' && j === 0);
      const story =
        flow === 'admin' || (flow === 'cancel' && j % 2 === 1) || (flow === 'await' && j % 5 === 4)
          ? ADMIN[(k + j) % ADMIN.length]!
          : redFlag
            ? RED_FLAG[k % RED_FLAG.length]!
            : CLINICAL[k % CLINICAL.length]!;
      // Open work arrived in the last two days, finished work over the last week.
      const done = flow === 'complete' || flow === 'cancel';
      const submittedAt = new Date(
        now - (done ? DAY + ((k * 97) % (6 * 24)) * HOUR : (5 + ((k * 53) % (47 * 60))) * MINUTE),
      );
      const isOverdue = (flow === 'await' && j >= 12) || (flow === 'claimed' && j === 7);
      const input = demoSubmission({
        reference,
        supplier: DEMO_SUPPLIERS[k % DEMO_SUPPLIERS.length]!,
        patientIndex,
        story,
        submittedAt: isOverdue ? new Date(now - (2 * DAY + k * HOUR)) : submittedAt,
        responseExpectedBy: new Date(now + (story.redFlag ? 4 : 48) * HOUR),
        // Two unmatched ones (and the one matched later) carry a date of birth typo.
        ...(flow === 'unmatched' && j >= 3 ? { dateOfBirth: '1901-01-01' } : {}),
        ...(flow === 'matched' ? { dateOfBirth: '1901-02-02' } : {}),
        // The unknown patients write to a practice too (any: their number is not on its list).
        ...(flow === 'unmatched' && j < 3 ? { practiceIndex: j } : {}),
      });
      const { submitOnlineConsultation: submitted } = await d.run<{
        submitOnlineConsultation: { consultationId: string };
      }>('submit', 'oc.supplier', SUBMIT_ONLINE_CONSULTATION, { input });
      const id = submitted.consultationId;
      if (isOverdue) overdue.push(reference);
      const triager = TRIAGERS[k % TRIAGERS.length]!;
      const urgency = story.redFlag ? 'SAME_DAY' : URGENCIES[k % URGENCIES.length]!;
      const act = (mutation: TriageMutation, user: string, extra: Data = {}) =>
        d.run(mutation, user, triage(mutation), { input: { consultationId: id, ...extra } });
      const signpost = (user: string, destination: string, extra: Data = {}) =>
        act('signpostConsultation', user, {
          destination,
          team: 'ANP',
          urgency,
          mode: 'TELEPHONE',
          comment: 'Triaged at the hub',
          ...extra,
        });
      const toService = [minorIllness, pharmacy, physio][k % 3]!;
      const serviceTeam = toService === pharmacy ? 'PHARMACIST' : toService === physio ? 'PHYSIOTHERAPIST' : 'ANP';
      switch (flow) {
        case 'await':
        case 'unmatched':
          break;
        case 'matched':
          await act('matchConsultationPatient', 'hub.coord1', { patientNhsNumber: nhs(patientIndex) });
          break;
        case 'pulled':
          await act('claimConsultation', triager);
          await act('passBackToPractice', triager, {
            reason: 'Needs the registered GP',
            triageNotes: 'Ongoing problem managed by the practice',
          });
          await act('pullToHub', 'hub.anp2', { reason: 'The hub has capacity today' });
          break;
        case 'claimed':
          // Locked by the ANPs on shift (and one care co-ordinator).
          await act('claimConsultation', j === 6 ? 'hub.coord1' : j % 2 === 0 ? 'hub.anp1' : 'hub.anp2');
          break;
        case 'queue':
          await act('claimConsultation', triager);
          await signpost(triager, 'HUB_SERVICE_QUEUE', { serviceId: toService, team: serviceTeam });
          if (toService !== physio && j < 4) signpostedToServices.push({ consultationId: id, serviceId: toService });
          break;
        case 'admin':
          await act('claimConsultation', 'hub.coord1');
          await signpost('hub.coord1', 'ADMIN_QUEUE', {
            team: 'CARE_COORDINATOR',
            mode: 'SMS',
            urgency: 'WITHIN_5_DAYS',
          });
          break;
        case 'urgent':
          await act('claimConsultation', triager);
          await signpost(triager, 'URGENT_ESCALATION', {
            team: 'GP',
            urgency: 'SAME_DAY',
            comment: 'Red flag: call the patient now',
          });
          break;
        case 'progress':
          await act('claimConsultation', triager);
          await signpost(triager, 'HUB_SERVICE_QUEUE', { serviceId: minorIllness });
          await act('claimConsultation', j % 2 === 0 ? 'hub.anp1' : 'hub.anp2');
          break;
        case 'external':
          await act('claimConsultation', triager);
          await signpost(triager, 'SIGNPOSTED_EXTERNAL', {
            team: 'PHARMACIST',
            comment: 'Community pharmacy (Pharmacy First)',
          });
          break;
        case 'remote':
          await act('claimConsultation', triager);
          await signpost(triager, 'CLOSED_REMOTELY', { mode: 'ONLINE_MESSAGE', comment: 'Self-care advice sent' });
          break;
        case 'complete':
          await act('claimConsultation', triager);
          if (j % 3 === 0) {
            await signpost(triager, 'HUB_SERVICE_QUEUE', { serviceId: minorIllness });
            await act('claimConsultation', 'hub.anp3');
            await act('completeConsultation', 'hub.anp3', {
              outcome: 'Seen in the Minor Illness clinic; treatment given',
            });
          } else if (j % 3 === 1) {
            await signpost(triager, 'SIGNPOSTED_EXTERNAL', { team: 'PHARMACIST', comment: 'Community pharmacy' });
            await act('completeConsultation', triager, { outcome: 'Referred to community pharmacy' });
          } else {
            await signpost(triager, 'CLOSED_REMOTELY', { mode: 'ONLINE_MESSAGE' });
            await act('completeConsultation', triager, { outcome: 'Self-care advice given' });
          }
          break;
        case 'cancel':
          if (j % 2 === 0) {
            await act('cancelConsultation', 'hub.manager', { reason: 'Duplicate of an earlier request' });
          } else {
            await act('claimConsultation', 'hub.coord2');
            await act('cancelConsultation', 'hub.coord2', { reason: 'Patient withdrew the request' });
          }
          break;
        case 'passback':
        case 'passback-claimed':
          await act('claimConsultation', triager);
          await act('passBackToPractice', triager, {
            reason: [
              'Long-term condition review',
              'Needs continuity with the usual GP',
              'Medication review due',
              'Results to discuss',
            ][j % 4],
            triageNotes: 'Triaged at the hub; better seen by the practice',
          });
          if (flow === 'passback-claimed') await act('claimConsultation', gpOf(patientIndex));
          break;
        default: {
          const never: never = flow;
          throw new Error(`unknown flow ${String(never)}`);
        }
      }
    }
  }
  // The API refuses a deadline in the past at submission; these waited too long since: their
  // promised response time is back-dated, so the inbox shows them overdue.
  if (overdue.length > 0) {
    await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `update online_consultation set response_expected_by = submitted_at + interval '1 day' where supplier_reference in (${overdue.map(() => '?').join(', ')})`,
        overdue,
      );
  }
  return { count: k, signpostedToServices };
}

const CODED = {
  pharyngitis: ['363746003', 'Acute pharyngitis'],
  uti: ['68566005', 'Urinary tract infectious disease'],
  backPain: ['279039007', 'Low back pain'],
  otitis: ['65363002', 'Otitis media'],
  rash: ['271807003', 'Eruption of skin'],
  headache: ['25064002', 'Headache'],
  cough: ['49727002', 'Cough'],
  hypertension: ['38341003', 'Hypertensive disorder'],
  asthma: ['195967001', 'Asthma'],
} as const;
type Code = keyof typeof CODED;
const coded = (code: Code) => ({ coded: { snomedCode: CODED[code][0], term: CODED[code][1] } });
const note = (text: string) => ({ note: { text, adminOnly: false } });

/** Records a hub consultation with entries and saves it (unless `draft`). */
async function recordConsultation(
  d: Driver,
  user: string,
  nhsNumber: string,
  entries: Data[],
  draft = false,
): Promise<string> {
  const { recordConsultation: recorded } = await d.run<{ recordConsultation: { consultation: { id: string } } }>(
    'record consultation',
    user,
    'mutation Demo($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id } } }',
    { input: { nhsNumber, entries } },
  );
  if (!draft) await saveConsultation(d, user, recorded.consultation.id);
  return recorded.consultation.id;
}

async function saveConsultation(d: Driver, user: string, consultation: string): Promise<void> {
  await d.run(
    'save consultation',
    user,
    'mutation Demo($input: SaveConsultationInput!) { saveConsultation(input: $input) { consultation { id } } }',
    {
      input: { consultationId: consultation },
    },
  );
}

/**
 * Hub consultations with coded entries: delivered to practices 1-6 (ACTIVE hub -> practice
 * agreements), retrying to practice 7 (its clinical-system endpoint is offline: the delivery
 * retries, then becomes a dead letter for the hub manager), blocked practice -> practice (practice
 * 1 recording for a practice 2 patient while the PCN switch is off), and one unsaved draft.
 */
async function seedHubConsultations(d: Driver): Promise<number> {
  let count = 0;
  const delivered: readonly [string, number, number, Code[]][] = [
    ['hub.anp1', 1, 20, ['pharyngitis']],
    ['hub.anp1', 2, 20, ['uti']],
    ['hub.anp2', 3, 20, ['otitis']],
    ['hub.anp2', 4, 20, ['rash', 'asthma']],
    ['hub.physio', 5, 20, ['backPain']],
    ['hub.anp3', 6, 20, ['headache', 'hypertension']],
    ['hub.pharmacist', 1, 21, ['hypertension']],
    ['hub.anp1', 3, 21, ['cough']],
  ];
  for (const [user, practice, n, codes] of delivered) {
    await recordConsultation(d, user, nhs(at(practice, n)), [
      ...codes.map(coded),
      note('Seen at the hub; safety-netting advice given.'),
    ]);
    count += 1;
  }
  // Practice 7's clinical system is offline: its deliveries retry (then go to the dead-letter queue).
  await d.run(
    'write-back target',
    'hub.manager',
    'mutation Demo($input: ConfigureWriteBackTargetInput!) { configureWriteBackTarget(input: $input) { target { kind } } }',
    {
      input: {
        practiceOdsCode: DEMO.practices[6].odsCode,
        kind: 'HTTP',
        endpointUrl: 'http://127.0.0.1:9/demo-offline/write-back',
      },
    },
  );
  for (const n of [20, 21]) {
    await recordConsultation(d, 'hub.anp3', nhs(at(7, n)), [coded('pharyngitis'), note('Seen at the hub.')]);
    count += 1;
  }
  // Practice 1 asks for practice -> practice write-back to practice 2 (REQUESTED, the PCN switch is
  // off), which lets its GP record for practice 2's patients; their write-back is BLOCKED.
  await d.run(
    'write-back agreement',
    'p1.admin',
    'mutation Demo($input: RequestWriteBackAgreementInput!) { requestWriteBackAgreement(input: $input) { agreement { id } } }',
    { input: { sourceOdsCode: DEMO.practices[0].odsCode, targetOdsCode: DEMO.practices[1].odsCode } },
  );
  for (const n of [22, 23]) {
    await recordConsultation(d, 'p1.gp', nhs(at(2, n)), [
      coded('backPain'),
      note('Seen at Harbour Street as a visiting patient.'),
    ]);
    count += 1;
  }
  // A draft still being written.
  await recordConsultation(d, 'hub.anp2', nhs(at(4, 21)), [coded('cough')], true);
  return count + 1;
}

const PRESCRIPTION_FIELDS = 'prescription { id state }';
const AMOXICILLIN = {
  dmdCode: '39732311000001104',
  medicineName: 'Amoxicillin 250mg capsules',
  quantity: 21,
  unit: 'capsule',
  dosageText: 'One capsule three times a day for seven days',
};
const PARACETAMOL = {
  dmdCode: '317335000',
  medicineName: 'Paracetamol 500mg tablets',
  quantity: 32,
  unit: 'tablet',
  dosageText: 'Two tablets up to four times a day',
};

/** Acute prescriptions raised, issued, dispensed and cancelled at the hub; repeats sent to practices. */
async function seedPrescriptions(d: Driver): Promise<number> {
  const raise = async (user: string, i: number, course: 'ACUTE' | 'REPEAT', items: Data[]) =>
    (
      await d.run<{ raisePrescription: { prescription: { id: string } } }>(
        'raise prescription',
        user,
        `mutation Demo($input: RaisePrescriptionInput!) { raisePrescription(input: $input) { ${PRESCRIPTION_FIELDS} } }`,
        { input: { nhsNumber: nhs(i), courseOfTherapy: course, items } },
      )
    ).raisePrescription.prescription.id;
  const step = (mutation: string, user: string, id: string, reason?: string) =>
    d.run(
      mutation,
      user,
      reason === undefined
        ? `mutation Demo($id: ID!) { ${mutation}(input: { prescriptionId: $id }) { ${PRESCRIPTION_FIELDS} } }`
        : `mutation Demo($id: ID!, $reason: String!) { ${mutation}(input: { prescriptionId: $id, reason: $reason }) { ${PRESCRIPTION_FIELDS} } }`,
      reason === undefined ? { id } : { id, reason },
    );
  // Patients 0-69 are known to the hub; acute ones across the practices.
  const acute: readonly [
    string,
    number,
    'raised' | 'issued' | 'dispensed' | 'cancelled-issued' | 'cancelled-raised',
  ][] = [
    ['hub.anp1', at(1, 1), 'raised'],
    ['hub.anp2', at(2, 1), 'raised'],
    ['hub.anp1', at(3, 1), 'issued'],
    ['hub.anp2', at(4, 1), 'issued'],
    ['hub.anp3', at(5, 1), 'issued'],
    ['hub.pharmacist', at(6, 1), 'issued'],
    ['hub.anp1', at(7, 1), 'dispensed'],
    ['hub.anp2', at(1, 2), 'dispensed'],
    ['hub.anp3', at(2, 2), 'cancelled-issued'],
    ['hub.anp1', at(3, 2), 'cancelled-raised'],
  ];
  for (const [user, i, end] of acute) {
    const id = await raise(user, i, 'ACUTE', i % 2 === 0 ? [AMOXICILLIN] : [AMOXICILLIN, PARACETAMOL]);
    if (end === 'raised') continue;
    if (end === 'cancelled-raised') {
      await step('cancelPrescription', user, id, 'Raised for the wrong patient record');
      continue;
    }
    await step('issuePrescription', user, id);
    if (end === 'dispensed') await step('recordPrescriptionDispensed', 'oc.supplier', id);
    if (end === 'cancelled-issued') await step('cancelPrescription', user, id, 'Wrong strength');
  }
  // Repeats go to the registered practice, which issues or rejects them.
  const repeats: readonly [number, number, 'pending' | 'issued' | 'rejected'][] = [
    [4, 2, 'pending'],
    [5, 2, 'pending'],
    [2, 3, 'issued'],
    [3, 3, 'rejected'],
  ];
  for (const [practice, n, end] of repeats) {
    const id = await raise('hub.pharmacist', at(practice, n), 'REPEAT', [PARACETAMOL]);
    if (end === 'issued') await step('issueRepeatAtPractice', `p${practice}.gp`, id);
    if (end === 'rejected') await step('rejectPrescription', `p${practice}.gp`, id, 'Medication review due first');
  }
  return acute.length + repeats.length;
}

const REFERRAL_FIELDS = 'id state consultationId';
/** The input type of each referral mutation: the demo's and the referral tests' one list. */
export const REFERRAL_INPUT = {
  referPatient: 'ReferPatientInput',
  acceptReferral: 'ReferralMoveInput',
  completeReferral: 'ReferralMoveInput',
  rejectReferral: 'ReferralReasonedMoveInput',
  cancelReferral: 'ReferralReasonedMoveInput',
  bookReferral: 'BookReferralInput',
  recordAttendance: 'RecordAttendanceInput',
  referFromConsultation: 'ReferFromConsultationInput',
} as const;
export type ReferralMutation = keyof typeof REFERRAL_INPUT;

interface ReferralRow {
  id: string;
  state: string;
  consultationId: string | null;
}

/**
 * Referrals by every method: cross-organisation and GP Connect bookings (booked, awaiting trace,
 * attended, did not attend, cancelled), tasks (requested, accepted, completed, rejected), letters
 * (requested, booked) and inbox signposts. Bookings take slots, so the books show booked ones.
 */
async function seedReferrals(
  d: Driver,
  services: Services,
  signposted: readonly { consultationId: string; serviceId: string }[],
): Promise<{ count: number; hubConsultations: number }> {
  const move = async (mutation: ReferralMutation, user: string, input: Data): Promise<ReferralRow> =>
    (
      await d.run<Record<string, { referral: ReferralRow }>>(
        mutation,
        user,
        `mutation Demo($input: ${REFERRAL_INPUT[mutation]}!) { ${mutation}(input: $input) { referral { ${REFERRAL_FIELDS} } } }`,
        { input },
      )
    )[mutation]!.referral;
  const used = new Set<string>();
  const freeSlot = async (prefix: string, skip: number): Promise<string> => {
    const { freeSlots } = await d.run<{ freeSlots: { edges: { node: { id: string } }[] } }>(
      'free slots',
      'hub.manager',
      'query Demo($t: String, $n: Int) { freeSlots(slotType: $t, first: $n) { edges { node { id } } } }',
      { t: prefix, n: 200 },
    );
    const free = freeSlots.edges.map((e) => e.node.id).filter((id) => !used.has(id));
    const slot = free[Math.min(skip, free.length - 1)];
    if (!slot) throw new DemoActivityError('free slots', `no free ${prefix} slot`);
    used.add(slot);
    return slot;
  };
  const pcn = DEMO.pcn.odsCode;
  const minorIllness = services.byName['Minor Illness']!;
  const enhancedAccess = services.byName['Enhanced Access']!;
  const physio = services.byName['Physiotherapy']!;
  const pharmacy = services.byName['Pharmacy']!;
  let count = 0;
  let hubConsultations = 0;
  const refer = async (i: number, input: Data): Promise<ReferralRow> => {
    count += 1;
    return move('referPatient', gpOf(i), { nhsNumber: nhs(i), ...input });
  };

  // Cross-organisation booking into the Minor Illness clinic (consent recorded). Known patients
  // (0-69) are READY at once; unknown ones wait for the hub to trace them.
  const booking = async (i: number, skip: number, reason: string) =>
    refer(i, {
      method: 'CROSS_ORGANISATION_BOOKING',
      serviceId: minorIllness,
      slotId: await freeSlot(`${pcn}-MinorIllness`, skip),
      consentToRecordAccess: true,
      reason,
    });
  const attended = await booking(at(1, 3), 0, 'Sore throat for five days');
  const seen = await move('recordAttendance', 'hub.anp1', { referralId: attended.id, attended: true });
  if (seen.consultationId) {
    await d.run(
      'add entry',
      'hub.anp1',
      'mutation Demo($input: AddConsultationEntryInput!) { addConsultationEntry(input: $input) { entry { id } } }',
      { input: { consultationId: seen.consultationId, entry: coded('pharyngitis') } },
    );
    await saveConsultation(d, 'hub.anp1', seen.consultationId);
    hubConsultations += 1;
  }
  await move('completeReferral', 'hub.anp1', { referralId: attended.id, reason: 'Treated; no follow-up needed' });
  const dna = await booking(at(2, 4), 3, 'Earache');
  await move('recordAttendance', 'hub.anp2', { referralId: dna.id, attended: false, reason: 'No answer to two calls' });
  const inClinic = await booking(at(6, 4), 5, 'Cough and fever');
  if ((await move('recordAttendance', 'hub.anp2', { referralId: inClinic.id, attended: true })).consultationId)
    hubConsultations += 1; // ATTENDED, notes still a draft
  await booking(at(3, 4), 8, 'Cough for two weeks');
  await booking(at(4, 4), 12, 'Urinary symptoms');
  await booking(at(5, 15), 16, 'Rash on both arms'); // patient 103: unknown to the hub -> AWAITING_TRACE
  await booking(at(1, 16), 20, 'Headaches for a week'); // patient 112: AWAITING_TRACE

  // GP Connect booking into Enhanced Access (registers the patient at the hub; not practice 6, outside the group).
  const gpConnect = async (i: number, mode: string, skip: number) =>
    refer(i, {
      method: 'GP_CONNECT_BOOKING',
      serviceId: enhancedAccess,
      slotId: await freeSlot(`${pcn}-EnhancedAccess-${mode}`, skip),
    });
  await gpConnect(at(1, 5), 'F2F', 0);
  await gpConnect(at(2, 5), 'VID', 2);
  await gpConnect(at(7, 17), 'F2F', 6);
  const withdrawn = await gpConnect(at(3, 5), 'F2F', 10);
  await move('cancelReferral', gpOf(at(3, 5)), { referralId: withdrawn.id, reason: 'Patient booked elsewhere' });

  // Cross-organisation tasks to hub teams (not practice 7: no task agreement).
  const task = (i: number, serviceId: string, team: string, subject: string, category: string) =>
    refer(i, {
      method: 'CROSS_ORGANISATION_TASK',
      serviceId,
      task: { teamId: services.teams[team], subject, category, body: 'Details in the shared record.' },
    });
  await task(at(1, 6), physio, 'Physiotherapy', 'Knee pain: please assess', 'CLINICAL_REVIEW');
  await task(at(2, 6), pharmacy, 'Clinical Pharmacists', 'Medication review after discharge', 'MEDICATION');
  const accepted = await task(at(3, 6), physio, 'Physiotherapy', 'Shoulder pain: exercise plan', 'CLINICAL_REVIEW');
  await move('acceptReferral', 'hub.physio', { referralId: accepted.id, reason: 'Physio will call this week' });
  const completed = await task(at(4, 6), pharmacy, 'Clinical Pharmacists', 'Inhaler technique check', 'MEDICATION');
  await move('acceptReferral', 'hub.pharmacist', { referralId: completed.id });
  await move('completeReferral', 'hub.pharmacist', {
    referralId: completed.id,
    reason: 'Technique checked; spacer supplied',
  });
  const rejected = await task(at(5, 6), pharmacy, 'Care Co-ordinators', 'Help with a housing letter', 'ADMIN');
  await move('rejectReferral', 'hub.coord1', {
    referralId: rejected.id,
    reason: 'Not a hub service: the practice writes these letters',
  });

  // Referral letters to physiotherapy: one waiting, one booked by the hub.
  const letter = (i: number) =>
    refer(i, {
      method: 'DOCUMENT_SEND',
      serviceId: physio,
      document: {
        title: 'Physiotherapy referral letter',
        contentType: 'application/pdf',
        sizeBytes: 48_213,
        reference: `docman://demo/${i}`,
      },
    });
  await letter(at(1, 7));
  const booked = await letter(at(2, 7));
  await move('bookReferral', 'hub.coord1', { referralId: booked.id, slotId: await freeSlot(`${pcn}-Physio`, 2) });

  // Online consultations signposted to a hub service's queue become referrals (INBOX_SIGNPOST).
  for (const { consultationId, serviceId } of signposted) {
    await move('referFromConsultation', 'hub.anp1', { consultationId, serviceId });
  }
  return { count, hubConsultations };
}

/** A running live-traffic timer (DEMO_TRAFFIC_SECONDS). */
export interface DemoTraffic {
  stop(): void;
}

/**
 * Every `seconds`, a new online consultation from a random-but-seeded demo patient arrives through
 * the same in-process path as the seeded ones. Logs ids only.
 */
export function startDemoTraffic(app: ActivityApp & Pick<HubApp, 'logger'>, seconds: number): DemoTraffic {
  const d = new Driver(app);
  const random = seededRandom(17);
  const runId = Date.now().toString(36);
  let n = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    n += 1;
    void d
      .run<{ submitOnlineConsultation: { consultationId: string; state: string } }>(
        'live arrival',
        'oc.supplier',
        SUBMIT_ONLINE_CONSULTATION,
        {
          input: liveSubmission(random, liveReference(runId, n)),
        },
      )
      .then((r) =>
        app.logger.info(
          { consultationId: r.submitOnlineConsultation.consultationId, state: r.submitOnlineConsultation.state },
          'demo traffic: consultation arrived',
        ),
      )
      .catch((error: unknown) => app.logger.warn({ err: error }, 'demo traffic: submission failed'))
      .finally(() => {
        busy = false;
      });
  }, seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** The demo activity and live traffic of a running app (SEED_DEMO_ACTIVITY, DEMO_TRAFFIC_SECONDS). */
export interface DemoBackground {
  /** Settles when the activity is seeded (its summary), skipped or failed (null). Never rejects. */
  readonly done: Promise<DemoActivitySummary | null>;
  /** Stops the traffic and the activity between two operations; resolves once both have stopped. */
  stop(): Promise<void>;
}

/** How long the activity waits for the server's first answer before it starts anyway. */
const ACTIVITY_START_FALLBACK_MS = 2000;

/**
 * Starts the demo activity in the background once the server has answered its first request (or
 * after a short wait when nobody asks), so it never delays readiness; then the live traffic.
 * Errors are logged, never thrown.
 */
export function startDemoBackground(
  app: ActivityApp & Pick<HubApp, 'logger' | 'config'>,
  options: { readonly listening: boolean },
): DemoBackground {
  const { config, logger } = app;
  const wanted = config.seedDemoActivity;
  const traffic = config.env !== 'production' && config.demoTrafficSeconds > 0 ? config.demoTrafficSeconds : 0;
  if (!wanted && traffic === 0) return { done: Promise.resolve(null), stop: async () => {} };
  const controller = new AbortController();
  const stopped = (): boolean => controller.signal.aborted;
  let live: DemoTraffic | null = null;
  let release = (): void => {};
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fallback = setTimeout(release, options.listening ? ACTIVITY_START_FALLBACK_MS : 0);
  fallback.unref();
  if (options.listening) {
    app.server.httpServer.once('request', (_req: IncomingMessage, res: ServerResponse) => res.once('finish', release));
  }
  const done = (async (): Promise<DemoActivitySummary | null> => {
    await answered;
    clearTimeout(fallback);
    if (stopped()) return null;
    let summary: DemoActivitySummary | null = null;
    if (wanted) {
      try {
        summary = await seedDemoActivity(app, { signal: controller.signal });
        if (summary.seeded) {
          const { seeded: _seeded, ...counts } = summary;
          logger.info(counts, 'demo activity seeded');
        }
      } catch (error) {
        if (!stopped()) logger.error({ err: error }, 'demo activity failed');
        summary = null;
      }
    }
    if (traffic > 0 && !stopped()) {
      live = startDemoTraffic(app, traffic);
      logger.info({ everySeconds: traffic }, 'demo traffic on');
    }
    return summary;
  })();
  return {
    done,
    stop: async () => {
      controller.abort();
      release();
      live?.stop();
      await done;
      live?.stop();
    },
  };
}
