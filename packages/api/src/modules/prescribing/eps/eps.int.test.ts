import { expect, it } from 'vitest';
import { fromGlobalId } from '../../../platform/graphql/relay.js';
import { verifyWebhook } from '../../../platform/webhooks/standard-webhooks.js';
import { codeOf, describeEachDatabase } from '../../../test/harness.js';
import { wsClient } from '../../../test/ws-client.js';
import { asPlugin, ok, registerPlugin, webhookReceiver } from '../../plugins/plugins.testkit.js';
import { CANCEL, DMD, item, must, patientAt, raise, raiseAndIssue } from '../prescribing.testkit.js';

type Res = Record<string, any>;

const MESSAGES = `query ($id: ID!) { prescription(id: $id) { epsMessages { messageId operation status retries errorCode reportedBy } } }`;
const BUNDLE = `query ($id: ID!, $op: EpsOperation) { prescription(id: $id) { epsBundle(operation: $op) } }`;
const OUTCOME = `mutation ($input: RecordEpsOutcomeInput!) { recordEpsOutcome(input: $input) { epsMessage { messageId operation status retries errorCode reportedBy } prescription { id state } } }`;
const CANCEL_FOR_EPS = `mutation ($id: ID!, $reason: String!, $eps: EpsCancellationReason) { cancelPrescription(input: { prescriptionId: $id, reason: $reason, epsCancellationReason: $eps }) { prescription { id state epsMessages { operation status } } } }`;
const EPS_PLUGIN = {
  scopes: ['eps:send', 'events:read'],
  events: ['eps.*'],
  producesCodes: [],
  producesEntryKinds: [],
};

const receiver = webhookReceiver();
const failing = webhookReceiver(500);

const resources = (bundle: Res): Res[] => (bundle.entry as Res[]).map((e) => e.resource as Res);
const ofType = (bundle: Res, type: string): Res[] => resources(bundle).filter((r) => r.resourceType === type);

describeEachDatabase('prescribing: the EPS outbox', (hub) => {
  const messagesOf = async (id: string) =>
    (await must(hub().gql<{ prescription: { epsMessages: Res[] } }>(MESSAGES, { id }, 'hub.anp1'))).prescription
      .epsMessages;

  it('queues the prescription-order on issue, as ids on the eps stream, and renders it for prescribers (audited)', async () => {
    const issued = await raiseAndIssue(hub(), patientAt(3, 40), {
      items: [item(), item(DMD.paracetamol, 32)],
      nominatedDispenserOds: 'FA565',
    });
    const [order] = await messagesOf(issued.id);
    expect(order).toMatchObject({ operation: 'ORDER', status: 'QUEUED', retries: 0, errorCode: null });
    const dbId = fromGlobalId(issued.id)!.id;
    const events = await hub().sql<{ stream: string; type: string; payload: Res }>(
      "select stream, type, payload from event_log where stream like 'eps:%' and subject_id = ?",
      [dbId],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'EPS_ORDER_REQUESTED',
      payload: {
        prescriptionId: dbId,
        messageId: order!.messageId,
        operation: 'ORDER',
        shortFormId: issued.shortFormId,
      },
    });
    expect(JSON.stringify(events)).not.toContain(patientAt(3, 40));

    const read = await must(hub().gql<{ prescription: { epsBundle: string } }>(BUNDLE, { id: issued.id }, 'hub.anp2'));
    const bundle = JSON.parse(read.prescription.epsBundle) as Res;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'message', id: order!.messageId });
    expect(resources(bundle)[0]!.eventCoding.code).toBe('prescription-order');
    const requests = ofType(bundle, 'MedicationRequest');
    expect(requests.map((r) => r.medicationCodeableConcept.coding[0].code)).toEqual([DMD.amoxicillin, DMD.paracetamol]);
    expect(requests.every((r) => r.groupIdentifier.value === issued.shortFormId)).toBe(true);
    expect(requests[0]!.groupIdentifier.extension[0].valueIdentifier.value).toBe(issued.longFormId);
    expect(requests[0]!.dispenseRequest.performer.identifier.value).toBe('FA565');
    expect(ofType(bundle, 'Organization')[0]).toMatchObject({
      identifier: [{ value: 'Y99009' }],
      partOf: { identifier: { value: '99X' } },
    });
    expect(ofType(bundle, 'Patient')[0]!.identifier[0].value).toBe(patientAt(3, 40));
    expect(ofType(bundle, 'Practitioner')[0]!.identifier).toEqual([
      { system: 'https://fhir.hl7.org.uk/Id/nmc-number', value: '99A0001A' },
    ]);
    const audits = await hub().sql<{ actor_id: string; patient_id: string | null; outcome: string }>(
      "select actor_id, patient_id, outcome from audit_event where action = 'readEpsMessage' and subject_id = ?",
      [dbId],
    );
    expect(audits).toEqual([{ actor_id: 'hub.anp2', patient_id: expect.any(String), outcome: 'SUCCESS' }]);

    // Not a prescriber: the hub manager and the practice's GP see the prescription but not the message.
    for (const user of ['hub.manager', 'p3.gp']) {
      const other = await must(
        hub().gql<{ prescription: { epsBundle: string | null } }>(BUNDLE, { id: issued.id }, user),
      );
      expect(other.prescription.epsBundle, user).toBeNull();
    }
    expect(
      await hub().sql("select 1 from audit_event where action = 'readEpsMessage' and subject_id = ?", [dbId]),
    ).toHaveLength(1);
    // Not issued: no message at all.
    const raised = await raise(hub(), 'hub.anp1', {
      nhsNumber: patientAt(3, 41),
      items: [item()],
      courseOfTherapy: 'ACUTE',
    });
    expect(await messagesOf(raised.id)).toEqual([]);
    expect(
      (await must(hub().gql<{ prescription: { epsBundle: string | null } }>(BUNDLE, { id: raised.id }, 'hub.anp1')))
        .prescription.epsBundle,
    ).toBeNull();
  });

  it('delivers the order to the EPS plugin, which reads it and reports RETRYING then ACCEPTED (audited, idempotent)', async () => {
    const plugin = await registerPlugin(hub(), { ...EPS_PLUGIN, webhookUrl: `${receiver.url}/eps` });
    const issued = await raiseAndIssue(hub(), patientAt(3, 42));
    const [order] = await messagesOf(issued.id);
    await expect.poll(() => receiver.containing(order!.messageId).length, { timeout: 20_000 }).toBe(1);
    const hit = receiver.containing(order!.messageId)[0]!;
    const event = JSON.parse(hit.body) as Res;
    expect(
      verifyWebhook(
        plugin.webhookSecret,
        event.id,
        Number(hit.headers['webhook-timestamp']),
        hit.body,
        String(hit.headers['webhook-signature']),
      ),
    ).toBe(true);
    expect(event).toMatchObject({
      type: 'eps.EPS_ORDER_REQUESTED',
      organisation: { odsCode: 'Y99000' },
      data: { prescriptionId: issued.id, messageId: order!.messageId, operation: 'ORDER' },
    });
    expect(hit.body).not.toContain(patientAt(3, 42));

    const call = asPlugin(hub(), plugin.key, 'Y99000');
    const read = await ok(call<{ prescription: { epsBundle: string } }>(BUNDLE, { id: issued.id }));
    expect(JSON.parse(read.prescription.epsBundle).id).toBe(order!.messageId);
    // eps:send opens the prescription for its message, not the patient's record (that is patients:read).
    const patient = await ok(
      call<{ prescription: { patient: unknown } }>(
        'query ($id: ID!) { prescription(id: $id) { patient { nhsNumber } } }',
        { id: issued.id },
      ),
    );
    expect(patient.prescription.patient).toBeNull();

    const retry = await ok(
      call<Res>(OUTCOME, { input: { messageId: order!.messageId, outcome: 'RETRYING', errorCode: 'EPS_UNAVAILABLE' } }),
    );
    expect(retry.recordEpsOutcome.epsMessage).toMatchObject({
      status: 'RETRYING',
      retries: 1,
      errorCode: 'EPS_UNAVAILABLE',
      reportedBy: plugin.name,
    });
    const accepted = await ok(call<Res>(OUTCOME, { input: { messageId: order!.messageId, outcome: 'ACCEPTED' } }));
    expect(accepted.recordEpsOutcome).toMatchObject({
      epsMessage: { status: 'ACCEPTED', retries: 1, errorCode: null },
      prescription: { id: issued.id, state: 'ISSUED' },
    });
    // The same report again is harmless; a contradicting one is refused and changes nothing.
    expect(
      (await ok(call<Res>(OUTCOME, { input: { messageId: order!.messageId, outcome: 'ACCEPTED' } }))).recordEpsOutcome
        .epsMessage.status,
    ).toBe('ACCEPTED');
    const contradiction = await call(OUTCOME, {
      input: { messageId: order!.messageId, outcome: 'REJECTED', errorCode: 'R-5000' },
    });
    expect(codeOf(contradiction)).toBe('INVALID_TRANSITION');
    expect((await messagesOf(issued.id))[0]).toMatchObject({ status: 'ACCEPTED', errorCode: null });
    const audits = await hub().sql<{ reason: string }>(
      "select reason from audit_event where action = 'recordEpsOutcome' and subject_id = ? order by at",
      [fromGlobalId(issued.id)!.id],
    );
    expect(audits.map((a) => a.reason)).toEqual(['ORDER RETRYING EPS_UNAVAILABLE', 'ORDER ACCEPTED']);
  });

  it('refuses bad outcome reports with a field-named code, and plugins that may not report, storing nothing', async () => {
    const plugin = await registerPlugin(hub(), EPS_PLUGIN);
    const issued = await raiseAndIssue(hub(), patientAt(3, 43));
    const [order] = await messagesOf(issued.id);
    const call = asPlugin(hub(), plugin.key, 'Y99000');
    const cases: [Res, string, string | undefined][] = [
      [{ messageId: 'not-a-uuid', outcome: 'ACCEPTED' }, 'BAD_USER_INPUT', 'input.messageId'],
      [{ messageId: order!.messageId, outcome: 'REJECTED' }, 'BAD_USER_INPUT', 'input.errorCode'],
      [
        { messageId: order!.messageId, outcome: 'REJECTED', errorCode: 'has spaces' },
        'BAD_USER_INPUT',
        'input.errorCode',
      ],
      [{ messageId: '0190aaaa-0000-7000-8000-000000000000', outcome: 'ACCEPTED' }, 'NOT_FOUND', 'input.messageId'],
    ];
    for (const [input, code, field] of cases) {
      const res = await call(OUTCOME, { input });
      expect(codeOf(res), JSON.stringify(input)).toBe(code);
      expect(res.errors![0]!.extensions!.field).toBe(field);
    }
    // Enabled by a practice only: the hub's message is not its to report.
    const atPractice = await registerPlugin(hub(), EPS_PLUGIN, ['p3.admin']);
    expect(
      codeOf(
        await asPlugin(
          hub(),
          atPractice.key,
          'Y99013',
        )(OUTCOME, { input: { messageId: order!.messageId, outcome: 'ACCEPTED' } }),
      ),
    ).toBe('NOT_FOUND');
    const noScope = await registerPlugin(hub(), { scopes: ['events:read'], events: ['eps.*'] });
    const noScopeCall = asPlugin(hub(), noScope.key, 'Y99000');
    expect(codeOf(await noScopeCall(OUTCOME, { input: { messageId: order!.messageId, outcome: 'ACCEPTED' } }))).toBe(
      'FORBIDDEN',
    );
    // Without eps:send a plugin may not even read the prescription.
    expect(codeOf(await noScopeCall(BUNDLE, { id: issued.id }))).toBe('FORBIDDEN');
    // Staff cannot report EPS outcomes.
    expect(
      codeOf(await hub().gql(OUTCOME, { input: { messageId: order!.messageId, outcome: 'ACCEPTED' } }, 'hub.anp1')),
    ).toBe('FORBIDDEN');
    expect(await messagesOf(issued.id)).toEqual([
      expect.objectContaining({ status: 'QUEUED', retries: 0, errorCode: null, reportedBy: null }),
    ]);
    expect(
      await hub().sql("select 1 from audit_event where action = 'recordEpsOutcome' and subject_id = ?", [
        fromGlobalId(issued.id)!.id,
      ]),
    ).toEqual([]);
  });

  it('streams prescribing events live to the hub, the EPS status of each message included', async () => {
    const plugin = await registerPlugin(hub(), EPS_PLUGIN);
    const seen: Res[] = [];
    const errors: unknown[] = [];
    const client = wsClient(hub().app.url, await hub().token('hub.anp2'));
    const follow = (org: string, sink: Res[]) =>
      client.subscribe<{ prescribingEvents: Res }>(
        {
          query: `subscription ($org: OdsCode!) { prescribingEvents(organisation: $org) { __typename ... on PrescribingEvent { type prescriptionId prescription { epsMessages { operation status errorCode } } } } }`,
          variables: { org },
        },
        {
          next: (m) => (m.data ? sink.push(m.data.prescribingEvents) : errors.push(m.errors)),
          error: (e) => errors.push(e),
          complete: () => undefined,
        },
      );
    const stop = follow('Y99000', seen);
    const refused: Res[] = [];
    const stopOther = follow('Y99011', refused);
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const issued = await raiseAndIssue(hub(), patientAt(3, 46));
      const [order] = await messagesOf(issued.id);
      await ok(
        asPlugin(
          hub(),
          plugin.key,
          'Y99000',
        )(OUTCOME, { input: { messageId: order!.messageId, outcome: 'REJECTED', errorCode: 'R-5000' } }),
      );
      const ours = () => seen.filter((e) => e.prescriptionId === issued.id);
      await expect
        .poll(() => ours().map((e) => e.type), { timeout: 10_000 })
        .toEqual(['PRESCRIPTION_RAISED', 'PRESCRIPTION_ISSUED', 'EPS_STATUS_CHANGED']);
      expect(ours()[2]!.prescription.epsMessages).toEqual([
        { operation: 'ORDER', status: 'REJECTED', errorCode: 'R-5000' },
      ]);
      expect(refused).toEqual([]);
      expect(JSON.stringify(errors)).toContain('NOT_FOUND');
    } finally {
      stop();
      stopOther();
      await client.dispose();
    }
  });

  it('queues the prescription-order-update with its EPS reason when an issued prescription is cancelled, and nothing before issue', async () => {
    const issued = await raiseAndIssue(hub(), patientAt(3, 44), { items: [item(), item(DMD.paracetamol)] });
    const cancelled = await must(
      hub().gql<Res>(CANCEL_FOR_EPS, { id: issued.id, reason: 'Patient asked', eps: 'PATIENT_REQUEST' }, 'hub.anp1'),
    );
    expect(cancelled.cancelPrescription.prescription).toMatchObject({
      state: 'CANCELLED',
      epsMessages: [
        { operation: 'ORDER', status: 'QUEUED' },
        { operation: 'CANCEL', status: 'QUEUED' },
      ],
    });
    const [, cancel] = await messagesOf(issued.id);
    const read = await must(
      hub().gql<{ prescription: { epsBundle: string } }>(BUNDLE, { id: issued.id, op: 'CANCEL' }, 'hub.anp1'),
    );
    const bundle = JSON.parse(read.prescription.epsBundle) as Res;
    expect(bundle.id).toBe(cancel!.messageId);
    expect(resources(bundle)[0]!.eventCoding.code).toBe('prescription-order-update');
    const requests = ofType(bundle, 'MedicationRequest');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      status: 'cancelled',
      statusReason: { coding: [{ code: '0005' }] },
      groupIdentifier: { value: issued.shortFormId },
    });
    const types = await hub().sql<{ type: string }>(
      "select type from event_log where stream like 'eps:%' and subject_id = ? order by seq",
      [fromGlobalId(issued.id)!.id],
    );
    expect(types.map((t) => t.type)).toEqual(['EPS_ORDER_REQUESTED', 'EPS_CANCEL_REQUESTED']);

    const raised = await raise(hub(), 'hub.anp1', {
      nhsNumber: patientAt(3, 45),
      items: [item()],
      courseOfTherapy: 'ACUTE',
    });
    await must(hub().gql(CANCEL, { id: raised.id, reason: 'Not needed' }, 'hub.anp1'));
    expect(await messagesOf(raised.id)).toEqual([]);
  });
});

describeEachDatabase(
  'prescribing: an EPS message the plugin never takes',
  (hub) => {
    it('becomes UNDELIVERED when its webhook delivery goes DEAD, and a later report still lands', async () => {
      const plugin = await registerPlugin(hub(), { ...EPS_PLUGIN, webhookUrl: `${failing.url}/eps` });
      const issued = await raiseAndIssue(hub(), patientAt(5, 40));
      const status = async () =>
        (await must(hub().gql<{ prescription: { epsMessages: Res[] } }>(MESSAGES, { id: issued.id }, 'hub.anp1')))
          .prescription.epsMessages[0];
      await expect.poll(async () => (await status())!.status, { timeout: 20_000 }).toBe('UNDELIVERED');
      const dead = await hub().sql<{ state: string; event_type: string }>(
        'select state, event_type from plugin_webhook_delivery where plugin_id = ?',
        [fromGlobalId(plugin.id)!.id],
      );
      expect(dead).toEqual([{ state: 'DEAD', event_type: 'eps.EPS_ORDER_REQUESTED' }]);
      // After a redrive the plugin sends it and reports: UNDELIVERED is not terminal.
      const report = await asPlugin(
        hub(),
        plugin.key,
        'Y99000',
      )<Res>(OUTCOME, { input: { messageId: (await status())!.messageId, outcome: 'ACCEPTED' } });
      expect(report.data!.recordEpsOutcome.epsMessage.status).toBe('ACCEPTED');
    });
  },
  { PLUGIN_WEBHOOK_MAX_ATTEMPTS: '1', PLUGIN_WEBHOOK_POLL_MS: '100' },
);
