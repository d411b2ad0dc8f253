import { afterAll, expect } from 'vitest';
import type { Client } from 'graphql-ws';
import type { GqlResult, TestHub } from '../../test/harness.js';
import { wsClient } from '../../test/ws-client.js';
import { encodeCursor } from '../../platform/graphql/relay.js';
import { TRIAGE_INPUT, type TriageMutation } from '../../seed/activity.js';
import { DEMO, demoPatient } from '../../seed/demo.js';

/** Test helpers for the inbox suites (synthetic demo data only). */

/** Every InboxFolder of the schema (the list the enum is made from). */
export { INBOX_FOLDERS } from './online-consultation.state.js';

let counter = 0;
const run = `${process.pid}-${Date.now().toString(36)}`;

/** A fresh supplier reference: unique within and across test runs. */
export const newReference = (): string => `EC-${run}-${++counter}`;

/** The demo practice of demo patient `i`. */
export const practiceOf = (i: number): string => DEMO.practices[demoPatient(i).practiceIndex]!.odsCode;

/** A valid submission for demo patient `i` (registered at practiceOf(i)); override any field. */
export function submission(i = 0, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const p = demoPatient(i);
  return {
    supplier: 'ECONSULT',
    supplierReference: newReference(),
    originatingPracticeOdsCode: practiceOf(i),
    patient: { nhsNumber: p.nhsNumber, givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth },
    type: 'CLINICAL',
    template: 'Sore throat',
    submittedAt: new Date(Date.now() - 60_000).toISOString(),
    answers: [
      { questionId: 'q1', question: 'How long have you had symptoms?', answer: 'Three days' },
      { questionId: 'q2', question: 'Any difficulty breathing?', answer: 'No' },
    ],
    redFlags: [],
    ice: { ideas: 'A virus', concerns: 'It is getting worse', expectations: 'Advice' },
    attachments: [{ fileName: 'throat.jpg', contentType: 'image/jpeg', sizeBytes: 123456 }],
    responseExpectedBy: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    ...overrides,
  };
}

export const SUBMIT = `mutation Submit($input: SubmitOnlineConsultationInput!) {
  submitOnlineConsultation(input: $input) { consultationId created state routingReason owner { odsCode } }
}`;

export interface Submitted {
  consultationId: string;
  created: boolean;
  state: string;
  routingReason: string;
  owner: { odsCode: string };
}

/** Submits as the demo supplier and expects success. */
export async function submit(hub: TestHub, i = 0, overrides: Record<string, unknown> = {}): Promise<Submitted> {
  const res = await hub.gql<{ submitOnlineConsultation: Submitted }>(
    SUBMIT,
    { input: submission(i, overrides) },
    'oc.supplier',
  );
  expect(res.errors).toBeUndefined();
  return res.data!.submitOnlineConsultation;
}

export const CONSULTATION = `id state supplierReference routingReason urgency redFlagCount outcome triageNotes
  lock { holder expiresAt }
  ownerOrganisation { odsCode }
  signpost { team urgency mode type destination comment signpostedBy service { name } }`;

export interface ConsultationView {
  id: string;
  state: string;
  supplierReference: string;
  routingReason: string;
  urgency: string | null;
  redFlagCount: number;
  outcome: string | null;
  triageNotes: string | null;
  lock: { holder: string; expiresAt: string } | null;
  ownerOrganisation: { odsCode: string };
  signpost: { destination: string; urgency: string; service: { name: string } | null } | null;
}

/** signpostConsultation's input: ANP, within 24 hours, by telephone, to `destination`; `extra` overrides. */
export const signpostTo = (consultationId: string, destination: string, extra: Record<string, unknown> = {}) => ({
  consultationId,
  team: 'ANP',
  urgency: 'WITHIN_24_HOURS',
  mode: 'TELEPHONE',
  destination,
  comment: 'Suitable for the hub',
  ...extra,
});

/** Runs a triage mutation as `user`; returns the raw result (errors included). */
export function act(
  hub: TestHub,
  mutation: TriageMutation,
  input: Record<string, unknown>,
  user: string,
): Promise<GqlResult<Record<string, { consultation: ConsultationView }>>> {
  return hub.gql(
    `mutation Act($input: ${TRIAGE_INPUT[mutation]}!) { ${mutation}(input: $input) { consultation { ${CONSULTATION} } } }`,
    { input },
    user,
  );
}

/** Runs a triage mutation and expects success; returns the consultation. */
export async function ok(
  hub: TestHub,
  mutation: TriageMutation,
  input: Record<string, unknown>,
  user: string,
): Promise<ConsultationView> {
  const res = await act(hub, mutation, input, user);
  expect(res.errors, `${mutation} as ${user}`).toBeUndefined();
  return res.data![mutation]!.consultation;
}

/** The raw database row of a consultation, by global id. */
export async function row(hub: TestHub, globalId: string): Promise<Record<string, unknown>> {
  const id = Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
  const [found] = await hub.sql('select * from online_consultation where id = ?', [id]);
  return found!;
}

export const dbIdOf = (globalId: string): string => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

const FOLLOW = `subscription($org: OdsCode!, $after: String) {
  inboxEvents(organisation: $org, after: $after) {
    __typename
    ... on InboxEvent { type actorId consultationId consultation { state ownerOrganisation { odsCode } } }
  }
}`;

/** One live inbox event as the follow helper selects it. */
export interface FollowedEvent {
  __typename: string;
  type?: string;
  actorId?: string;
  consultationId?: string;
  consultation?: { state: string; ownerOrganisation: { odsCode: string } } | null;
}

/** What a followed inbox received, and how it ended. */
export interface Followed {
  readonly events: FollowedEvent[];
  readonly errors: { extensions?: { code?: string } }[];
  done: boolean;
}

const followers: Client[] = [];
afterAll(async () => {
  for (const client of followers.splice(0)) await client.dispose();
});

/** Follows an inbox live over graphql-ws as `user`, from the stream's current head. */
export async function followInbox(hub: TestHub, user: string, ods: string): Promise<Followed> {
  const [head] = await hub.sql<{ seq: string | number }>(
    "select h.seq from stream_head h join organisation o on h.stream = 'inbox:' || o.id where o.ods_code = ?",
    [ods],
  );
  const followed: Followed = { events: [], errors: [], done: false };
  const client = wsClient(hub.app.url, await hub.token(user));
  followers.push(client);
  client.subscribe<{ inboxEvents: FollowedEvent }>(
    { query: FOLLOW, variables: { org: ods, after: encodeCursor([head ? Number(head.seq) : 0]) } },
    {
      next: (r) => {
        if (r.errors) followed.errors.push(...(r.errors as unknown as Followed['errors']));
        if (r.data) followed.events.push(r.data.inboxEvents);
      },
      error: (e) => {
        if (Array.isArray(e)) followed.errors.push(...(e as Followed['errors']));
        followed.done = true;
      },
      complete: () => {
        followed.done = true;
      },
    },
  );
  return followed;
}

/** Waits (up to 10 s) until `check` holds. */
export async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
