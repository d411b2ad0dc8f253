import { expect, it } from 'vitest';
import { fromGlobalId } from '../../platform/graphql/relay.js';
import { codeOf, describeEachDatabase, type TestHub } from '../../test/harness.js';
import { wsClient } from '../../test/ws-client.js';
import { submit, SUBMIT, submission } from '../inbox/inbox.testkit.js';
import { asPlugin, ok, registerPlugin, webhookReceiver } from '../plugins/plugins.testkit.js';

type Res = Record<string, any>;

const REPLY = `mutation ($input: ReplyToPatientInput!) { replyToPatient(input: $input) { reply { replyId template text link channel status retries errorCode sentBy } consultation { id } } }`;
const REPLIES = `query ($id: ID!) { onlineConsultation(id: $id) { replies { replyId channel status retries errorCode } } }`;
const FOR_DELIVERY = `query ($id: ID!) { patientReplyForDelivery(replyId: $id) { to reply { replyId template text link channel } } }`;
const STATUS = `mutation ($input: RecordPatientReplyStatusInput!) { recordPatientReplyStatus(input: $input) { reply { replyId status retries errorCode } } }`;
const MESSAGING = {
  scopes: ['patient-messages:send', 'events:read'],
  events: ['inbox.REPLY_REQUESTED'],
  producesCodes: [],
  producesEntryKinds: [],
};
// Ofcom's drama range: never a real person's number.
const MOBILE = '07700 900123';
const TEXT = 'Synthetic advice: rest, fluids and paracetamol; call back if worse.';

const receiver = webhookReceiver();
const failing = webhookReceiver(503);

async function withContact(hub: TestHub, i: number, contact: Record<string, string>): Promise<string> {
  const base = submission(i);
  return (await submit(hub, i, { patient: { ...(base.patient as object), ...contact } })).consultationId;
}

const footprint = async (hub: TestHub) =>
  (
    await hub.sql<{ replies: number; events: number; audits: number }>(
      `select (select count(*)::int from patient_reply) as replies,
              (select count(*)::int from event_log where type like 'REPLY_%') as events,
              (select count(*)::int from audit_event where action in ('replyToPatient', 'recordPatientReplyStatus')) as audits`,
    )
  )[0]!;

describeEachDatabase(
  'replies to patients',
  (hub) => {
    it('queues a reply by SMS from a consultation staff can see: ids only in the event, audited, listed on the consultation', async () => {
      const id = await withContact(hub(), 31, { mobile: MOBILE });
      const out = await ok(
        hub().gql<Res>(
          REPLY,
          {
            input: {
              consultationId: id,
              template: 'BOOKING_INVITATION',
              text: `  ${TEXT} `,
              link: 'https://book.example.nhs.uk/slot?ref=abc',
            },
          },
          'hub.anp1',
        ),
      );
      const reply = out.replyToPatient.reply;
      expect(reply).toMatchObject({
        template: 'BOOKING_INVITATION',
        text: TEXT,
        channel: 'SMS',
        status: 'QUEUED',
        retries: 0,
        sentBy: 'hub.anp1',
      });
      const dbId = fromGlobalId(id)!.id;
      const events = await hub().sql<{ stream: string; type: string; payload: Res }>(
        "select stream, type, payload from event_log where subject_id = ? and type like 'REPLY_%'",
        [dbId],
      );
      expect(events).toHaveLength(1);
      expect(events[0]!.stream).toMatch(/^inbox:/);
      expect(events[0]!.payload).toEqual({
        consultationId: dbId,
        replyId: reply.replyId,
        template: 'BOOKING_INVITATION',
        channel: 'SMS',
      });
      const audits = await hub().sql<{ actor_id: string; reason: string }>(
        "select actor_id, reason from audit_event where action = 'replyToPatient' and subject_id = ?",
        [dbId],
      );
      expect(audits).toEqual([{ actor_id: 'hub.anp1', reason: 'BOOKING_INVITATION SMS' }]);
      const listed = await ok(hub().gql<Res>(REPLIES, { id }, 'hub.anp2'));
      expect(listed.onlineConsultation.replies).toEqual([
        { replyId: reply.replyId, channel: 'SMS', status: 'QUEUED', retries: 0, errorCode: null },
      ]);
      // Only an e-mail address given: the reply goes by e-mail.
      const byEmail = await withContact(hub(), 32, { email: 'synthetic.patient@example.org' });
      const mailed = await ok(
        hub().gql<Res>(REPLY, { input: { consultationId: byEmail, template: 'ADVICE', text: TEXT } }, 'hub.anp1'),
      );
      expect(mailed.replyToPatient.reply).toMatchObject({ channel: 'EMAIL', link: null });
    });

    it('refuses a consultation without a contact channel (NO_CONTACT_CHANNEL), bad text and links, and foreign consultations, storing nothing', async () => {
      const none = await withContact(hub(), 33, {});
      const withMobile = await withContact(hub(), 34, { mobile: MOBILE });
      const before = await footprint(hub());
      const cases: [Res, string, string, string][] = [
        [
          { consultationId: none, template: 'ADVICE', text: TEXT },
          'hub.anp1',
          'NO_CONTACT_CHANNEL',
          'input.consultationId',
        ],
        [{ consultationId: withMobile, template: 'ADVICE', text: '   ' }, 'hub.anp1', 'BAD_USER_INPUT', 'input.text'],
        [
          { consultationId: withMobile, template: 'ADVICE', text: 'x'.repeat(801) },
          'hub.anp1',
          'BAD_USER_INPUT',
          'input.text',
        ],
        [
          { consultationId: withMobile, template: 'PHOTO_REQUEST', text: TEXT, link: 'http://upload.example.org' },
          'hub.anp1',
          'BAD_USER_INPUT',
          'input.link',
        ],
        [
          {
            consultationId: withMobile,
            template: 'PHOTO_REQUEST',
            text: 'x'.repeat(780),
            link: 'https://upload.example.org/abcdefghij',
          },
          'hub.anp1',
          'BAD_USER_INPUT',
          'input.text',
        ],
        [{ consultationId: withMobile, template: 'ADVICE', text: TEXT }, 'p1.gp', 'NOT_FOUND', 'input.consultationId'],
      ];
      for (const [input, user, code, field] of cases) {
        const res = await hub().gql(REPLY, { input }, user);
        expect(codeOf(res), `${code} ${field}`).toBe(code);
        expect(res.errors![0]!.extensions!.field).toBe(field);
        expect(JSON.stringify(res)).not.toContain('paracetamol');
        expect(JSON.stringify(res)).not.toContain('900123');
      }
      expect(
        codeOf(
          await hub().gql(
            REPLY,
            { input: { consultationId: withMobile, template: 'ADVICE', text: TEXT } },
            'pcn.analyst',
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(await footprint(hub())).toEqual(before);
      // A contact detail that is not one is refused at submission, naming the field and not the value.
      const bad = await hub().gql(
        SUBMIT,
        { input: submission(35, { patient: { ...(submission(35).patient as object), mobile: '01632 960123' } }) },
        'oc.supplier',
      );
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0]!.extensions!.field).toBe('input.patient.mobile');
      expect(JSON.stringify(bad)).not.toContain('960123');
    });

    it('delivers the reply to the patient-messaging plugin, which reads it and reports SENT then DELIVERED', async () => {
      const plugin = await registerPlugin(hub(), { ...MESSAGING, webhookUrl: `${receiver.url}/messages` });
      const id = await withContact(hub(), 36, { mobile: MOBILE });
      const sent = (
        await ok(hub().gql<Res>(REPLY, { input: { consultationId: id, template: 'ADVICE', text: TEXT } }, 'hub.anp1'))
      ).replyToPatient.reply;
      await expect.poll(() => receiver.containing(sent.replyId).length, { timeout: 20_000 }).toBe(1);
      const { body } = receiver.containing(sent.replyId)[0]!;
      expect(JSON.parse(body)).toMatchObject({
        type: 'inbox.REPLY_REQUESTED',
        data: { consultationId: id, replyId: sent.replyId, channel: 'SMS' },
      });
      expect(body).not.toContain('paracetamol');
      expect(body).not.toContain('900123');

      const call = asPlugin(hub(), plugin.key, 'Y99000');
      const read = await ok(call<Res>(FOR_DELIVERY, { id: sent.replyId }));
      expect(read.patientReplyForDelivery).toMatchObject({
        to: '+447700900123',
        reply: { text: TEXT, channel: 'SMS', template: 'ADVICE' },
      });
      expect(
        (await ok(call<Res>(STATUS, { input: { replyId: sent.replyId, outcome: 'SENT' } }))).recordPatientReplyStatus
          .reply.status,
      ).toBe('SENT');
      expect(
        (await ok(call<Res>(STATUS, { input: { replyId: sent.replyId, outcome: 'DELIVERED' } })))
          .recordPatientReplyStatus.reply.status,
      ).toBe('DELIVERED');
      expect(
        (await ok(call<Res>(STATUS, { input: { replyId: sent.replyId, outcome: 'DELIVERED' } })))
          .recordPatientReplyStatus.reply.status,
      ).toBe('DELIVERED');
      expect(
        codeOf(await call(STATUS, { input: { replyId: sent.replyId, outcome: 'FAILED', errorCode: 'LATE' } })),
      ).toBe('INVALID_TRANSITION');
      const types = await hub().sql<{ type: string; payload: Res }>(
        "select type, payload from event_log where subject_id = ? and type like 'REPLY_%' order by seq",
        [fromGlobalId(id)!.id],
      );
      expect(types.map((t) => [t.type, t.payload.status ?? null])).toEqual([
        ['REPLY_REQUESTED', null],
        ['REPLY_STATUS_CHANGED', 'SENT'],
        ['REPLY_STATUS_CHANGED', 'DELIVERED'],
      ]);
      expect((await ok(hub().gql<Res>(REPLIES, { id }, 'hub.anp1'))).onlineConsultation.replies[0].status).toBe(
        'DELIVERED',
      );

      // Refusals of the plugin's side: field-named, nothing changed.
      const other = await withContact(hub(), 37, { mobile: MOBILE });
      const queued = (
        await ok(
          hub().gql<Res>(REPLY, { input: { consultationId: other, template: 'ADVICE', text: TEXT } }, 'hub.anp1'),
        )
      ).replyToPatient.reply;
      for (const [input, field] of [
        [{ replyId: 'nope', outcome: 'SENT' }, 'input.replyId'],
        [{ replyId: queued.replyId, outcome: 'FAILED' }, 'input.errorCode'],
        [{ replyId: queued.replyId, outcome: 'FAILED', errorCode: 'has space' }, 'input.errorCode'],
      ] as const) {
        const res = await call(STATUS, { input });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0]!.extensions!.field).toBe(field);
      }
      const elsewhere = asPlugin(hub(), (await registerPlugin(hub(), MESSAGING, ['p1.admin'])).key, 'Y99011');
      expect(codeOf(await elsewhere(FOR_DELIVERY, { id: queued.replyId }))).toBe('NOT_FOUND');
      expect(codeOf(await elsewhere(STATUS, { input: { replyId: queued.replyId, outcome: 'SENT' } }))).toBe(
        'NOT_FOUND',
      );
      const noScope = await registerPlugin(hub(), { scopes: ['events:read'], events: ['inbox.REPLY_REQUESTED'] });
      const unscoped = asPlugin(hub(), noScope.key, 'Y99000');
      expect(codeOf(await unscoped(FOR_DELIVERY, { id: queued.replyId }))).toBe('FORBIDDEN');
      expect(
        (await ok(hub().gql<Res>(REPLIES, { id: other }, 'hub.anp1'))).onlineConsultation.replies[0],
      ).toMatchObject({ status: 'QUEUED', errorCode: null });
    });

    it('streams REPLY_REQUESTED and REPLY_STATUS_CHANGED live on the inbox to its staff', async () => {
      const reporter = await registerPlugin(hub(), { scopes: ['patient-messages:send'] });
      const id = await withContact(hub(), 39, { mobile: MOBILE });
      const seen: { type: string; consultationId: string }[] = [];
      const client = wsClient(hub().app.url, await hub().token('hub.anp2'));
      const stop = client.subscribe<{ inboxEvents: { __typename: string; type?: string; consultationId?: string } }>(
        {
          query:
            'subscription { inboxEvents(organisation: "Y99000") { __typename ... on InboxEvent { type consultationId } } }',
        },
        {
          next: (msg) => {
            const e = msg.data?.inboxEvents;
            if (e?.type && e.consultationId === id) seen.push({ type: e.type, consultationId: e.consultationId });
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      try {
        // Wait for the subscription to be live (its first heartbeat or event) before acting.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const sent = (
          await ok(hub().gql<Res>(REPLY, { input: { consultationId: id, template: 'ADVICE', text: TEXT } }, 'hub.anp1'))
        ).replyToPatient.reply;
        await ok(
          asPlugin(hub(), reporter.key, 'Y99000')(STATUS, { input: { replyId: sent.replyId, outcome: 'DELIVERED' } }),
        );
        await expect
          .poll(() => seen.map((e) => e.type), { timeout: 10_000 })
          .toEqual(['REPLY_REQUESTED', 'REPLY_STATUS_CHANGED']);
      } finally {
        stop();
        await client.dispose();
      }
    });

    it('marks a reply UNDELIVERED when its webhook delivery goes DEAD', async () => {
      await registerPlugin(hub(), { ...MESSAGING, webhookUrl: `${failing.url}/messages` });
      const id = await withContact(hub(), 38, { email: 'synthetic.patient@example.org' });
      await ok(hub().gql<Res>(REPLY, { input: { consultationId: id, template: 'SELF_CARE', text: TEXT } }, 'hub.anp1'));
      await expect
        .poll(
          async () => (await ok(hub().gql<Res>(REPLIES, { id }, 'hub.anp1'))).onlineConsultation.replies[0].status,
          { timeout: 20_000 },
        )
        .toBe('UNDELIVERED');
    });
  },
  { PLUGIN_WEBHOOK_MAX_ATTEMPTS: '1', PLUGIN_WEBHOOK_POLL_MS: '100' },
);
