import { DEMO, demoPatient } from './demo.js';

/**
 * Live demo traffic: synthetic online consultations from demo patients, for `DEMO_TRAFFIC_SECONDS`
 * (in process) and `pnpm demo:traffic` (over HTTP). Shared so both send the same shape.
 */

export const SUBMIT_ONLINE_CONSULTATION = `mutation DemoSubmit($input: SubmitOnlineConsultationInput!) {
  submitOnlineConsultation(input: $input) { consultationId created state }
}`;

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Story {
  readonly template: string;
  readonly type: 'CLINICAL' | 'ADMIN';
  readonly answers: readonly (readonly [string, string])[];
  readonly redFlag?: string;
}

/** What demo patients write about (made up; no real patient's words). */
export const DEMO_STORIES: readonly Story[] = [
  {
    template: 'Sore throat',
    type: 'CLINICAL',
    answers: [
      ['How long have you had symptoms?', 'Three days'],
      ['Can you swallow fluids?', 'Yes, but it hurts'],
    ],
  },
  {
    template: 'Cough',
    type: 'CLINICAL',
    answers: [
      ['How long have you had the cough?', 'Two weeks'],
      ['Are you bringing up phlegm?', 'Yes, green'],
    ],
  },
  {
    template: 'Back pain',
    type: 'CLINICAL',
    answers: [
      ['Where is the pain?', 'Lower back'],
      ['Did it start after an injury?', 'After lifting boxes'],
    ],
  },
  {
    template: 'Skin rash',
    type: 'CLINICAL',
    answers: [
      ['Where is the rash?', 'Both forearms'],
      ['Is it itchy?', 'Very'],
    ],
  },
  {
    template: 'Earache',
    type: 'CLINICAL',
    answers: [
      ['Which ear?', 'Left'],
      ['Any discharge?', 'No'],
    ],
  },
  {
    template: 'Urinary symptoms',
    type: 'CLINICAL',
    answers: [
      ['What are your symptoms?', 'Burning when passing urine'],
      ['Any fever?', 'No'],
    ],
  },
  {
    template: 'Headache',
    type: 'CLINICAL',
    answers: [
      ['How long have you had headaches?', 'A week'],
      ['Any problems with your vision?', 'No'],
    ],
  },
  {
    template: 'Knee pain',
    type: 'CLINICAL',
    answers: [
      ['Which knee?', 'Right'],
      ['Is it swollen?', 'A little, after walking'],
    ],
  },
  {
    template: 'Chest pain',
    type: 'CLINICAL',
    answers: [
      ['Describe the pain', 'Tight, across the chest'],
      ['Does it spread anywhere?', 'Into the left arm'],
    ],
    redFlag: 'Chest pain spreading to the arm',
  },
  {
    template: 'Shortness of breath',
    type: 'CLINICAL',
    answers: [
      ['When are you short of breath?', 'At rest'],
      ['Is it getting worse?', 'Yes, since this morning'],
    ],
    redFlag: 'Breathless at rest',
  },
  {
    template: 'Fit note request',
    type: 'ADMIN',
    answers: [
      ['Why do you need a fit note?', 'Off work with back pain'],
      ['From which date?', 'Last Monday'],
    ],
  },
  {
    template: 'Repeat medication query',
    type: 'ADMIN',
    answers: [
      ['Which medicine?', 'My inhaler'],
      ['What is the problem?', 'The pharmacy has not received it'],
    ],
  },
  {
    template: 'Test results query',
    type: 'ADMIN',
    answers: [
      ['Which test?', 'Blood test last week'],
      ['How would you like to hear?', 'By text message'],
    ],
  },
  {
    template: 'Letter request',
    type: 'ADMIN',
    answers: [
      ['What letter do you need?', 'Confirmation of a condition for my employer'],
      ['Is it urgent?', 'Within two weeks'],
    ],
  },
];

export const DEMO_SUPPLIERS = ['ECONSULT', 'ACCURX', 'PATCHS'] as const;

/**
 * The contact channels demo patient `i` gives for replies, all synthetic (Ofcom's drama range and
 * example.org): most a mobile, some an e-mail address only, every seventh neither (a reply to them
 * is NO_CONTACT_CHANNEL).
 */
export function demoContact(i: number): { mobile?: string; email?: string } {
  if (i % 7 === 6) return {};
  if (i % 5 === 4) return { email: `demo.patient.${i}@example.org` };
  return { mobile: `07700 900${String(i % 1000).padStart(3, '0')}` };
}

/** A submitOnlineConsultation input for demo patient `patientIndex` telling `story` (synthetic only). */
export function demoSubmission(options: {
  readonly reference: string;
  readonly supplier: string;
  readonly patientIndex: number;
  readonly story: Story;
  readonly submittedAt: Date;
  readonly responseExpectedBy: Date | null;
  /** A date of birth other than the registered one (a typo: the consultation arrives UNMATCHED). */
  readonly dateOfBirth?: string;
  /** Send this practice instead of the patient's own. */
  readonly practiceIndex?: number;
}): Record<string, unknown> {
  const p = demoPatient(options.patientIndex);
  const story = options.story;
  return {
    supplier: options.supplier,
    supplierReference: options.reference,
    originatingPracticeOdsCode: DEMO.practices[options.practiceIndex ?? p.practiceIndex]!.odsCode,
    patient: {
      nhsNumber: p.nhsNumber,
      givenName: p.givenName,
      familyName: p.familyName,
      dateOfBirth: options.dateOfBirth ?? p.dateOfBirth,
      ...demoContact(options.patientIndex),
    },
    type: story.type,
    template: story.template,
    submittedAt: options.submittedAt.toISOString(),
    answers: story.answers.map(([question, answer], i) => ({ questionId: `q${i + 1}`, question, answer })),
    redFlags: story.redFlag ? [{ questionId: 'q1', description: story.redFlag }] : [],
    ice:
      story.type === 'CLINICAL'
        ? { ideas: 'Probably an infection', concerns: 'It is not getting better', expectations: 'Advice or treatment' }
        : null,
    attachments:
      story.template === 'Skin rash' ? [{ fileName: 'rash.jpg', contentType: 'image/jpeg', sizeBytes: 183_220 }] : [],
    responseExpectedBy: options.responseExpectedBy?.toISOString() ?? null,
  };
}

/** The `n`th live arrival: a random-but-seeded demo patient and story, submitted just now. */
export function liveSubmission(random: () => number, reference: string, now = new Date()): Record<string, unknown> {
  const story = DEMO_STORIES[Math.floor(random() * DEMO_STORIES.length)]!;
  return demoSubmission({
    reference,
    supplier: DEMO_SUPPLIERS[Math.floor(random() * DEMO_SUPPLIERS.length)]!,
    patientIndex: Math.floor(random() * DEMO.patientCount),
    story,
    submittedAt: new Date(now.getTime() - 1000),
    responseExpectedBy: new Date(now.getTime() + (story.redFlag ? 4 : 48) * 3_600_000),
  });
}

/** A supplier reference unique to this run of live traffic (the business key is supplier + reference). */
export function liveReference(runId: string, n: number): string {
  return `DEMO-LIVE-${runId}-${String(n).padStart(4, '0')}`;
}
