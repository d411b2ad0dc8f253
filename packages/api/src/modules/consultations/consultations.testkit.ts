import { syntheticNhsNumber } from '@pcn-hub/schema';
import { expect } from 'vitest';
import { fromGlobalId } from '../../platform/graphql/relay.js';
import type { GqlResult, TestHub } from '../../test/harness.js';

/** Valid codes for tests: SNOMED CT concepts (myocardial infarction, hypertension) and dm+d (amoxicillin). */
export const CODES = {
  mi: '22298006',
  hypertension: '38341003',
  asthma: '195967001',
  amoxicillin: '39732311000001104',
} as const;

/** Demo patient `i` is registered at practice Y9901(1 + i % 7): p1 for i % 7 == 0, p2 for 1, ... */
export const patientAt = (practice: number, n: number): string => syntheticNhsNumber(7 * n + (practice - 1));

export const coded = (snomedCode: string = CODES.mi, term = 'Myocardial infarction') => ({
  coded: { snomedCode, term },
});
export const note = (text = 'Seen at the hub', adminOnly = false) => ({ note: { text, adminOnly } });
export const medication = (dmdCode: string = CODES.amoxicillin) => ({
  medication: { dmdCode, name: 'Amoxicillin 250mg capsules', dose: 'One three times a day', quantity: '21 capsule' },
});
export const document = () => ({
  document: {
    title: 'Discharge letter',
    contentType: 'application/pdf',
    sizeBytes: 1024,
    reference: 'docstore://letters/1',
  },
});

const CONSULTATION_FIELDS =
  'id state version revision sourceProduct clinicallyRelevant writeBackState entries(includeRemoved: true) { id kind removed unsaved writeBack { state decision reason delivery { id messageId version replacesMessageId state attempts } } }';

export const RECORD = `mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { ${CONSULTATION_FIELDS} } } }`;
export const ADD = `mutation ($input: AddConsultationEntryInput!) { addConsultationEntry(input: $input) { consultation { id revision state } entry { id kind } } }`;
export const AMEND = `mutation ($input: AmendConsultationEntryInput!) { amendConsultationEntry(input: $input) { consultation { id revision state } entry { id coded { term } note { text } } } }`;
export const REMOVE = `mutation ($input: RemoveConsultationEntryInput!) { removeConsultationEntry(input: $input) { consultation { id revision } removedEntryId } }`;
export const SAVE = `mutation ($input: SaveConsultationInput!) { saveConsultation(input: $input) { consultation { ${CONSULTATION_FIELDS} } } }`;
export const GET = `query ($id: ID!) { hubConsultation(id: $id) { ${CONSULTATION_FIELDS} } }`;
export const EXPLAIN = `query ($entry: ID!) { explainWriteBack(entryId: $entry) { willWriteBack decision state direction reasons agreementFound agreementState practiceToPracticeWriteBack patientRegisteredAtAuthoringOrganisation sourceProduct agreement { id state } targetOrganisation { odsCode } } }`;

export interface EntryView {
  id: string;
  kind: string;
  removed: boolean;
  unsaved: boolean;
  writeBack: {
    state: string;
    decision: string;
    reason: string;
    delivery: {
      id: string;
      messageId: string;
      version: number;
      replacesMessageId: string | null;
      state: string;
      attempts: number;
    } | null;
  } | null;
}

export interface ConsultationView {
  id: string;
  state: string;
  version: number;
  revision: number;
  sourceProduct: string;
  clinicallyRelevant: boolean;
  writeBackState: string | null;
  entries: EntryView[];
}

/** Runs a mutation and returns its data, failing the test with the errors if any. */
export async function must<T>(res: Promise<GqlResult<T>>): Promise<T> {
  const out = await res;
  expect(out.errors, JSON.stringify(out.errors)).toBeUndefined();
  return out.data!;
}

/** Saves a consultation as `user`, which must succeed; returns it as saved. */
export async function save(hub: TestHub, user: string, consultationId: string): Promise<ConsultationView> {
  const saved = await must(
    hub.gql<{ saveConsultation: { consultation: ConsultationView } }>(SAVE, { input: { consultationId } }, user),
  );
  return saved.saveConsultation.consultation;
}

/** Records and saves a consultation; returns it as saved. */
export async function recordAndSave(
  hub: TestHub,
  user: string,
  input: Record<string, unknown>,
): Promise<ConsultationView> {
  const recorded = await must(
    hub.gql<{ recordConsultation: { consultation: ConsultationView } }>(RECORD, { input }, user),
  );
  return save(hub, user, recorded.recordConsultation.consultation.id);
}

export async function getConsultation(hub: TestHub, user: string, id: string): Promise<ConsultationView> {
  return (await must(hub.gql<{ hubConsultation: ConsultationView }>(GET, { id }, user))).hubConsultation;
}

/** Database id from a global id. */
export const dbId = (globalId: string): string => fromGlobalId(globalId)!.id;

/** Polls `check` until it returns a value (not undefined) or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
