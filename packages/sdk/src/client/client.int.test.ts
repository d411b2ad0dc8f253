import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../plugin/index.js';
import { startTestHub, type TestHub } from '../testing/index.js';
import {
  createHubClient,
  HubApiError,
  HubNetworkError,
  isHubApiError,
  mutationDocuments,
  queryDocuments,
  type HubClient,
} from './index.js';
import { startProxy, type LoopbackProxy } from './proxy.testkit.js';

let hub: TestHub;
const proxies: LoopbackProxy[] = [];

/** A proxy of its own per test: a new origin, so no pooled keep-alive connection is reused across tests. */
async function proxy(): Promise<LoopbackProxy> {
  const started = await startProxy(hub.url);
  proxies.push(started);
  return started;
}

/** Demo patients as the API lists them to hub staff (synthetic, 999-range NHS numbers). */
async function patients(client: HubClient) {
  const page = await client.queries.patients({ first: 50 });
  return page.edges.map((edge) => edge.node);
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  for (const started of proxies) await started.close();
  await hub.stop();
});

describe('the typed client against a real hub', () => {
  it('runs a generated query as a demo user and a raw document alike', async () => {
    const client = hub.client('hub.anp1');
    const viewer = await client.queries.viewer();
    expect(viewer).toMatchObject({ id: 'hub.anp1', organisation: { odsCode: 'Y99000' } });
    expect(viewer.roles).toContain('HUB_CLINICIAN');
    const raw = await client.request('query { viewer { id } }');
    expect(raw).toEqual({ viewer: { id: 'hub.anp1' } });
  });

  it('fills in an idempotency key and retries a mutation whose answer was lost: one consultation, not two', async () => {
    const route = await proxy();
    const client = hub.client('hub.anp1', { url: route.url, retry: { baseDelayMs: 10 } });
    const [patient] = (await patients(hub.client('hub.anp1'))).slice(-1);
    route.dropResponses(1);

    const recorded = await client.mutations.recordConsultation({
      input: { nhsNumber: patient!.nhsNumber, location: 'Hub room 2' },
    });

    // The hub received the mutation twice (the first answer was cut off), with the same key both times.
    expect(route.requests).toHaveLength(2);
    const keys = route.requests.map((request) => /"idempotencyKey":"([^"]+)"/.exec(request)?.[1]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    // ...and acted once: its audit trail has one recordConsultation for this patient, of this consultation.
    const audit = await hub
      .client('hub.manager')
      .queries.auditEvents({ first: 50, filter: { patientId: patient!.id, actorId: 'hub.anp1' } });
    const records = audit.edges.map((edge) => edge.node).filter((event) => event.action === 'recordConsultation');
    expect(records).toHaveLength(1);
    expect(recorded.consultation.patient?.nhsNumber).toBe(patient!.nhsNumber);
  });

  it('does not retry a mutation without an idempotency key: the lost answer is reported, not repeated', async () => {
    const route = await proxy();
    const coordinator = hub.client('hub.coord1', { url: route.url, retry: { baseDelayMs: 10 } });
    route.dropResponses(1);
    // Claiming is a state change with no key: repeating it blindly could act twice.
    const missing = Buffer.from('OnlineConsultation:01900000-0000-7000-8000-0000000000aa').toString('base64url');
    const error = await errorOf(coordinator.mutations.claimConsultation({ input: { consultationId: missing } }));
    expect(error).toBeInstanceOf(HubNetworkError);
    expect((error as HubNetworkError).attempts).toBe(1);
    expect(route.requests).toHaveLength(1);
  });

  it('retries a mutation the hub makes idempotent by its input: a lost submit returns the first consultation', async () => {
    const route = await proxy();
    const supplier = hub.client('oc.supplier', { url: route.url, retry: { baseDelayMs: 10 } });
    route.dropResponses(1);
    const [patient] = await patients(hub.client('hub.anp1'));
    const submitted = await supplier.mutations.submitOnlineConsultation({
      input: {
        supplier: 'ECONSULT',
        supplierReference: `SDK-RETRY-${Date.now()}`,
        originatingPracticeOdsCode: patient!.registeredPractice.odsCode,
        patient: {
          nhsNumber: patient!.nhsNumber,
          givenName: patient!.givenName,
          familyName: patient!.familyName,
          dateOfBirth: patient!.dateOfBirth,
        },
        type: 'CLINICAL',
        template: 'Sore throat',
        submittedAt: new Date(Date.now() - 60_000).toISOString(),
        answers: [{ questionId: 'q1', question: 'How long?', answer: 'Three days' }],
      },
    });
    // Sent twice (the first answer was cut off); the hub kept one consultation for the reference.
    expect(route.requests).toHaveLength(2);
    expect(submitted.created).toBe(false);
  });

  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    const route = await proxy();
    route.respondWith(
      'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
    );
    const client = hub.client('hub.anp1', { url: route.url, retry: { baseDelayMs: 10 } });
    const started = performance.now();
    const viewer = await client.queries.viewer();
    expect(viewer.id).toBe('hub.anp1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(route.requests).toHaveLength(2);
  });

  it('gives up after the configured attempts when the gateway stays unavailable', async () => {
    const route = await proxy();
    const unavailable = 'HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';
    for (let i = 0; i < 3; i += 1) route.respondWith(unavailable);
    const client = hub.client('hub.anp1', { url: route.url, retry: { attempts: 3, baseDelayMs: 5 } });
    const error = await errorOf(client.queries.viewer());
    expect(isHubApiError(error, 'SERVICE_UNAVAILABLE')).toBe(true);
    expect((error as HubApiError).status).toBe(503);
    expect(route.requests).toHaveLength(3);
  });

  it('throws typed errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT with the field at fault', async () => {
    const anonymous = await errorOf(hub.client().queries.viewer());
    expect(isHubApiError(anonymous, 'UNAUTHENTICATED')).toBe(true);

    const forbidden = await errorOf(hub.client('pcn.analyst').queries.auditEvents({ first: 1 }));
    expect(isHubApiError(forbidden, 'FORBIDDEN')).toBe(true);
    expect((forbidden as HubApiError).path).toEqual(['auditEvents']);

    const bad = await errorOf(
      hub.client('hub.anp1').mutations.recordConsultation({ input: { nhsNumber: '9999999998' } }),
    );
    expect(bad).toBeInstanceOf(HubApiError);
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringContaining('nhsNumber') });
    expect((bad as Error).message).not.toContain('9999999998');
  });

  it('authenticates a plugin by API key for an enabling organisation; a wrong organisation or key is refused', async () => {
    const manifest = definePlugin({
      name: 'sdk.client-test',
      displayName: 'SDK client test',
      vendor: 'pcn-hub SDK tests',
      version: '1.0.0',
      description: 'Registered by the SDK tests to call the hub with an API key.',
      scopes: ['patients:read'],
    });
    const manager = hub.client('hub.manager');
    const { plugin } = await manager.mutations.registerPlugin({ input: { manifest } });
    await manager.mutations.setPluginEnabled({ input: { pluginId: plugin.id, enabled: true } });
    const { key } = await manager.mutations.createPluginApiKey({ input: { pluginId: plugin.id, label: 'tests' } });

    const asPlugin = createHubClient({ url: hub.url, apiKey: key, organisation: 'Y99000' });
    const me = await asPlugin.queries.viewerPlugin();
    expect(me).toMatchObject({ id: plugin.id, enabledForViewer: true });
    const wrongOrganisation = createHubClient({ url: hub.url, apiKey: key, organisation: 'Y99011' });
    expect(isHubApiError(await errorOf(wrongOrganisation.queries.viewerPlugin()))).toBe(true);
    const forged = createHubClient({ url: hub.url, apiKey: `${key.slice(0, -4)}AAAA`, organisation: 'Y99000' });
    expect(isHubApiError(await errorOf(forged.queries.viewerPlugin()), 'UNAUTHENTICATED')).toBe(true);
    expect(() => createHubClient({ url: hub.url, apiKey: 'not-a-key' })).toThrow(/pcnhub_/);
  });

  it('has a document for every root field that the hub accepts as it is (valid, within its limits)', async () => {
    const anonymous = hub.client(undefined, { retry: { attempts: 1 } });
    const documents = { ...queryDocuments, ...mutationDocuments };
    const refusals: string[] = [];
    for (const [field, document] of Object.entries(documents)) {
      // Anonymous and without variables: refused after validation (UNAUTHENTICATED, BAD_USER_INPUT), never executed.
      const error = await errorOf(anonymous.request(document.toString()));
      if (
        !isHubApiError(error) ||
        ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX'].includes(error.code)
      ) {
        refusals.push(`${field}: ${String(error)}`);
      }
    }
    expect(refusals).toEqual([]);
    expect(Object.keys(documents).length).toBeGreaterThan(80);
  });
});
