/** Helpers of the write-back end-to-end test: hub consultations, signed posts, bundle inspection. */
import { randomUUID } from 'node:crypto';
import { signWebhook } from '@pcn-hub/sdk/plugin';
import type { E2e } from './plugin.e2e.testkit.js';

const RECORD =
  'mutation ($input: RecordConsultationInput!) { recordConsultation(input: $input) { consultation { id } } }';
const SAVE = 'mutation ($input: SaveConsultationInput!) { saveConsultation(input: $input) { consultation { id } } }';
const AMEND =
  'mutation ($input: AmendConsultationEntryInput!) { amendConsultationEntry(input: $input) { entry { id } } }';
const DELIVERY = `query ($id: ID!) { hubConsultation(id: $id) { entries { writeBack { delivery {
  messageId state acknowledgement lastError totalAttempts version replacesMessageId } } } } }`;

/** hub.anp1 records and saves a consultation with one coded entry; returns its global id. */
export async function recordAndSave(
  e2e: E2e,
  nhsNumber: string,
  term: string,
  snomedCode = '22298006',
): Promise<string> {
  const recorded = await e2e.gql('hub.anp1', RECORD, {
    input: { nhsNumber, entries: [{ coded: { snomedCode, term } }] },
  });
  const id = recorded.recordConsultation.consultation.id as string;
  await e2e.gql('hub.anp1', SAVE, { input: { consultationId: id } });
  return id;
}

/** hub.anp1 amends the consultation's first (coded) entry and saves the next version. */
export async function amendAndSave(
  e2e: E2e,
  consultationId: string,
  term: string,
  snomedCode = '22298006',
): Promise<void> {
  const data = await e2e.gql('hub.anp1', 'query ($id: ID!) { hubConsultation(id: $id) { entries { id } } }', {
    id: consultationId,
  });
  const entry = data.hubConsultation.entries[0].id as string;
  await e2e.gql('hub.anp1', AMEND, { input: { entryId: entry, content: { coded: { snomedCode, term } } } });
  await e2e.gql('hub.anp1', SAVE, { input: { consultationId } });
}

/** The write-back delivery of the consultation's first entry, as hub staff see it. */
export async function deliveryOf(e2e: E2e, consultationId: string): Promise<any> {
  const data = await e2e.gql('hub.anp1', DELIVERY, { id: consultationId });
  return data.hubConsultation.entries[0]?.writeBack?.delivery ?? undefined;
}

/** A write-back message shaped as the hub's HTTP target sends it, for patient `nhsNumber`. */
export function writeBackBody(nhsNumber: string, messageId: string) {
  const now = new Date().toISOString();
  return {
    type: 'consultation-entry',
    messageId,
    recordId: randomUUID(),
    version: 1,
    replaces: null,
    patient: { nhsNumber },
    heading: 'Enterprise Consultation (Demo hub)',
    targetOdsCode: 'Y99011',
    consultation: {
      id: randomUUID(),
      version: 1,
      startedAt: now,
      savedAt: now,
      location: 'Demo hub',
      authorId: 'hub.anp1',
      clinicallyRelevant: true,
      sourceProduct: 'NATIVE',
      sourceOrganisation: { id: randomUUID(), odsCode: 'Y99000', name: 'Demo hub' },
    },
    entry: {
      id: randomUUID(),
      kind: 'CODED',
      codedKind: 'FINDING',
      snomedCode: '22298006',
      term: 'Myocardial infarction',
    },
  };
}

/** POSTs `body` to the bridge signed with `secret` (webhook-id = its messageId), as the hub does. */
export async function postSigned(
  url: string,
  body: { messageId: string },
  secret: string,
): Promise<{ status: number; body: any }> {
  const raw = JSON.stringify(body);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signWebhook(raw, secret, { id: body.messageId }) },
    body: raw,
  });
  return { status: res.status, body: await res.json() };
}

/** Resources of an ITK3 message bundle and the document bundle inside it, by type. */
export function resources(bundle: any): Record<string, any> {
  const out: Record<string, any> = {};
  const walk = (b: any) => {
    for (const { resource } of b.entry ?? []) {
      out[resource.resourceType] = [...(out[resource.resourceType] ?? []), resource];
      if (resource.resourceType === 'Bundle') walk(resource);
    }
  };
  walk(bundle);
  return out;
}
