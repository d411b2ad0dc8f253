import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../testing/index.js';
import { definePlugin } from '../plugin/index.js';
import {
  createHubClient,
  isHubApiError,
  type InboxEventsSubscription,
  type ReconnectInfo,
  type ResyncNotice,
} from './index.js';
import { startProxy, type LoopbackProxy } from './proxy.testkit.js';

type InboxMessage = InboxEventsSubscription['inboxEvents'];
type InboxEvent = Extract<InboxMessage, { __typename: 'InboxEvent' }>;

let hub: TestHub;
let route: LoopbackProxy;
let patients: { nhsNumber: string; givenName: string; familyName: string; dateOfBirth: string; practice: string }[];
let submitted = 0;

/** Submits an online consultation as the demo supplier (an INTEGRATION user); it lands in the hub's inbox. */
async function submit(): Promise<string> {
  const patient = patients[submitted % patients.length]!;
  submitted += 1;
  const { nhsNumber, givenName, familyName, dateOfBirth } = patient;
  const result = await hub.client('oc.supplier').mutations.submitOnlineConsultation({
    input: {
      supplier: 'ECONSULT',
      supplierReference: `SDK-${process.pid}-${Date.now()}-${submitted}`,
      originatingPracticeOdsCode: patient.practice,
      patient: { nhsNumber, givenName, familyName, dateOfBirth },
      type: 'CLINICAL',
      template: 'Sore throat',
      submittedAt: new Date(Date.now() - 60_000).toISOString(),
      answers: [{ questionId: 'q1', question: 'How long have you had symptoms?', answer: 'Three days' }],
    },
  });
  expect(result.created).toBe(true);
  return result.consultationId;
}

async function until(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  hub = await startTestHub();
  route = await startProxy(hub.url);
  const page = await hub.client('hub.anp1').queries.patients({ first: 20 });
  patients = page.edges.map(({ node }) => ({ ...node, practice: node.registeredPractice.odsCode }));
});

afterAll(async () => {
  await route.close();
  await hub.stop();
});

describe('resumable subscriptions', () => {
  it('resumes after dropped sockets with every event exactly once, in seq order', async () => {
    const staff = hub.client('hub.coord1', { wsUrl: route.wsUrl, reconnect: { baseDelayMs: 50, maxDelayMs: 200 } });
    const messages: InboxMessage[] = [];
    const reconnects: ReconnectInfo[] = [];
    const errors: Error[] = [];
    const unsubscribe = staff.subscriptions.inboxEvents(
      { organisation: 'Y99000' },
      {
        onEvent: (message) => messages.push(message),
        onReconnect: (info) => reconnects.push(info),
        onError: (error) => errors.push(error),
      },
    );
    const events = () => messages.filter((message): message is InboxEvent => message.__typename === 'InboxEvent');

    // Live from now: the stream is known to be running once an arrival comes through (earlier ones are not replayed).
    for (let tries = 1; events().length === 0; tries += 1) {
      if (tries > 20) throw new Error(`no live event; errors: ${errors.map(String).join(', ')}`);
      await submit();
      await until(() => events().length > 0, 'a live event', 500).catch(() => undefined);
    }
    const firstSeq = events()[0]!.seq;

    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      ids.push(await submit());
      // Cut the connection twice while events keep being produced.
      if (i === 3 || i === 7) route.cutAll();
    }
    await until(
      () => ids.every((id) => events().some((event) => event.consultationId === id)),
      'every submitted consultation',
    );
    unsubscribe();

    expect(errors).toEqual([]);
    expect(reconnects.length).toBeGreaterThanOrEqual(2);
    expect(reconnects.every((info) => info.after !== null)).toBe(true);
    const seqs = events().map((event) => event.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => firstSeq + i));
    for (const id of ids) {
      expect(
        events().filter((event) => event.consultationId === id && event.type === 'CONSULTATION_ARRIVED'),
      ).toHaveLength(1);
    }
  });

  it('surfaces RESYNC_REQUIRED for a cursor the hub no longer has, then follows live', async () => {
    // A cursor ahead of the stream, built the way the hub encodes cursors (opaque to vendors).
    const ahead = Buffer.from(JSON.stringify(['c1', 1_000_000_000]), 'utf8').toString('base64url');
    const staff = hub.client('hub.anp1');
    const notices: ResyncNotice[] = [];
    const iterator = staff.subscriptions.inboxEvents({ organisation: 'Y99000', after: ahead });
    const staffSubscription = staff.subscriptions.inboxEvents(
      { organisation: 'Y99000', after: ahead },
      { onEvent: () => undefined, onResync: (notice) => notices.push(notice) },
    );
    const first = await iterator.next();
    expect(first.value).toMatchObject({ __typename: 'InboxResyncRequired', reason: 'CURSOR_OUTSIDE_RETENTION' });
    const latestSeq = (first.value as Extract<InboxMessage, { __typename: 'InboxResyncRequired' }>).latestSeq;
    await until(() => notices.length === 1, 'the resync notice');
    expect(notices[0]).toEqual({ latestSeq, reason: 'CURSOR_OUTSIDE_RETENTION', after: ahead });

    const id = await submit();
    const next = await iterator.next();
    expect(next.value).toMatchObject({ __typename: 'InboxEvent', consultationId: id, seq: latestSeq + 1 });
    await iterator.return!();
    staffSubscription();
  });

  it('follows a stream as a plugin: the API key and organisation travel in connection_init', async () => {
    const manifest = definePlugin({
      name: 'sdk.stream-test',
      displayName: 'SDK stream test',
      vendor: 'pcn-hub SDK tests',
      version: '1.0.0',
      description: 'Registered by the SDK tests to follow write-back with an API key.',
      scopes: ['events:read'],
      events: ['write-back.*'],
    });
    const manager = hub.client('hub.manager');
    const { plugin } = await manager.mutations.registerPlugin({ input: { manifest } });
    // A narrower document than the generated one: a practice admin may not see the plugin's API keys,
    // which the generated payload selects (that would throw, with the partial data on the error).
    await hub
      .client('p1.admin')
      .request(
        'mutation Enable($input: SetPluginEnabledInput!) { setPluginEnabled(input: $input) { plugin { id } } }',
        {
          input: { pluginId: plugin.id, enabled: true },
        },
      );
    const { key } = await manager.mutations.createPluginApiKey({ input: { pluginId: plugin.id } });
    const practice = patients.filter((patient) => patient.practice === 'Y99011');
    const clinician = hub.client('hub.anp1');
    let recorded = 0;
    /** A saved hub consultation for a patient of Y99011: write-back events for that practice follow. */
    const recordAndSave = async () => {
      const patient = practice[recorded++ % practice.length]!;
      const entries = [{ coded: { snomedCode: '38341003', term: 'Hypertension' } }];
      const { consultation } = await clinician.mutations.recordConsultation({
        input: { nhsNumber: patient.nhsNumber, entries },
      });
      await clinician.mutations.saveConsultation({ input: { consultationId: consultation.id } });
      return consultation.id;
    };

    const asPlugin = createHubClient({ url: hub.url, apiKey: key, organisation: 'Y99011' });
    const consultations: string[] = [];
    const errors: Error[] = [];
    const unsubscribe = asPlugin.subscriptions.writeBackEvents(
      { organisation: 'Y99011' },
      {
        onEvent: (message) => message.__typename === 'WriteBackEvent' && consultations.push(message.consultationId),
        onError: (error) => errors.push(error),
      },
    );
    try {
      // Live from now: save until the stream is running, then one more must come through.
      for (let tries = 1; consultations.length === 0; tries += 1) {
        if (tries > 20) throw new Error(`no live event for the plugin; errors: ${errors.map(String).join(', ')}`);
        await recordAndSave();
        await until(() => consultations.length > 0, 'a live event', 500).catch(() => undefined);
      }
      const id = await recordAndSave();
      await until(() => consultations.includes(id), 'the plugin to receive the write-back event');
      expect(errors).toEqual([]);
    } finally {
      unsubscribe();
      await asPlugin.close();
    }
  });

  it('ends with a typed error when the hub refuses the stream, without reconnecting', async () => {
    const reconnects: ReconnectInfo[] = [];
    const error = await new Promise<Error>((resolve) => {
      hub
        .client('pcn.analyst')
        .subscriptions.inboxEvents(
          { organisation: 'Y99000' },
          { onEvent: () => undefined, onError: resolve, onReconnect: (info) => reconnects.push(info) },
        );
    });
    expect(isHubApiError(error, 'FORBIDDEN')).toBe(true);
    const anonymous = await new Promise<Error>((resolve) => {
      hub
        .client()
        .subscriptions.inboxEvents({ organisation: 'Y99000' }, { onEvent: () => undefined, onError: resolve });
    });
    expect(isHubApiError(anonymous, 'UNAUTHENTICATED')).toBe(true);
    expect(reconnects).toEqual([]);
  });
});
