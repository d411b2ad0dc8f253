import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../testing/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The SDK's client built for a browser, as a front-end team's bundler would (the `browser` field drops `ws`). */
async function bundleClient(): Promise<string> {
  const build = await rolldown({
    input: fileURLToPath(new URL('./index.ts', import.meta.url)),
    platform: 'browser',
    resolve: { conditionNames: ['source', 'browser', 'import', 'default'] },
    logLevel: 'silent',
  });
  const { output } = await build.generate({ format: 'esm', inlineDynamicImports: true });
  await build.close();
  return output[0].code;
}

/** A page server on its own origin: an empty page and the bundled client. */
async function pageServer(sdk: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/sdk.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(sdk);
    else
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>front end</title><p>front end</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Runs in the page (kept as source text: the test runner rewrites `import()` in functions): a
 * query, a mutation and a live subscription through the SDK's client.
 */
const IN_PAGE = `async ({ url, token, service }) => {
  const { createHubClient } = await import('/sdk.js');
  const client = createHubClient({ url, token });
  const outcome = {};
  try {
    outcome.viewer = (await client.request('{ viewer { id } }')).viewer.id;
    const plan = await client.request(
      'mutation ($input: SetCapacityPlanInput!) { setCapacityPlan(input: $input) { plan { softThreshold } } }',
      { input: { serviceId: service, date: new Date().toISOString().slice(0, 10), plannedCapacity: 10, softThreshold: 7, hardThreshold: 9, overflowMode: 'PASS_BACK_DEFAULT' } },
    );
    outcome.mutated = String(plan.setCapacityPlan.plan.softThreshold);
    outcome.event = await new Promise((resolve, reject) => {
      const stop = client.subscribe('subscription { inboxEvents(organisation: "Y99000") { __typename } }', {}, {
        onEvent: (value) => { stop(); resolve(value.inboxEvents.__typename); },
        onError: reject,
      });
      setTimeout(() => reject(new Error('no live message')), 20000);
    });
  } catch (error) {
    outcome.error = error && error.name ? error.name + ': ' + error.message : String(error);
  }
  await client.close();
  return outcome;
}`;

interface PageOutcome {
  viewer?: string;
  mutated?: string;
  event?: string;
  error?: string;
}

async function inPage(page: Page, args: { url: string; token: string; service: string }): Promise<PageOutcome> {
  return page.evaluate<PageOutcome>(`(${IN_PAGE})(${JSON.stringify(args)})`);
}

describe('the SDK client in a browser, from another origin', () => {
  let hub: TestHub;
  let allowed: Awaited<ReturnType<typeof pageServer>>;
  let refused: Awaited<ReturnType<typeof pageServer>>;
  let browser: Browser;
  let profile: string;
  let serviceId: string;

  beforeAll(async () => {
    const sdk = await bundleClient();
    allowed = await pageServer(sdk);
    refused = await pageServer(sdk);
    hub = await startTestHub({ env: { CORS_ORIGINS: allowed.origin } });
    const services = (await hub.client('hub.manager').request('{ hubServices { id } }')) as {
      hubServices: { id: string }[];
    };
    serviceId = services.hubServices[0]!.id;
    profile = mkdtempSync(join(tmpdir(), 'pcn-hub-chromium-'));
    // playwright-core gives every launch a fresh, empty profile of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser.close();
    await hub.stop();
    await allowed.close();
    await refused.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('bundles for the browser without the ws package', async () => {
    const sdk = await bundleClient();
    expect(sdk).not.toMatch(/ws does not work in the browser/);
  });

  it('queries, mutates and subscribes from an origin on CORS_ORIGINS', async () => {
    const page = await browser.newPage();
    await page.goto(allowed.origin);
    const running = inPage(page, { url: hub.url, token: await hub.token('hub.manager'), service: serviceId });
    // A consultation arrives while the page listens: the page's live subscription sees it.
    const { patients } = (await hub
      .client('hub.manager')
      .request(
        '{ patients(first: 1) { edges { node { nhsNumber givenName familyName dateOfBirth registeredPractice { odsCode } } } } }',
      )) as {
      patients: {
        edges: {
          node: {
            nhsNumber: string;
            givenName: string;
            familyName: string;
            dateOfBirth: string;
            registeredPractice: { odsCode: string };
          };
        }[];
      };
    };
    const patient = patients.edges[0]!.node;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await new Promise((r) => setTimeout(r, 500));
      await hub
        .client('oc.supplier')
        .request(
          'mutation ($input: SubmitOnlineConsultationInput!) { submitOnlineConsultation(input: $input) { consultationId } }',
          {
            input: {
              supplier: 'ECONSULT',
              supplierReference: `BROWSER-${process.pid}-${attempt}`,
              originatingPracticeOdsCode: patient.registeredPractice.odsCode,
              patient: {
                nhsNumber: patient.nhsNumber,
                givenName: patient.givenName,
                familyName: patient.familyName,
                dateOfBirth: patient.dateOfBirth,
              },
              type: 'CLINICAL',
              template: 'Sore throat',
              submittedAt: new Date(Date.now() - 60_000).toISOString(),
              answers: [{ questionId: 'q1', question: 'How long have you had symptoms?', answer: 'Three days' }],
            },
          },
        );
      const settled = await Promise.race([
        running.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 100)),
      ]);
      if (settled) break;
    }
    const outcome = await running;
    expect(outcome).toEqual({ viewer: 'hub.manager', mutated: '7', event: 'InboxEvent' });
    await page.close();
  });

  it('cannot call the hub from an origin off the list', async () => {
    const page = await browser.newPage();
    await page.goto(refused.origin);
    const outcome = await inPage(page, { url: hub.url, token: await hub.token('hub.manager'), service: serviceId });
    expect(outcome.viewer).toBeUndefined();
    expect(outcome.error).toBeDefined();
    // The WebSocket upgrade from that origin is refused too.
    const upgraded = await page.evaluate(
      (wsUrl) =>
        new Promise<boolean>((resolve) => {
          const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
          socket.onopen = () => resolve(true);
          socket.onerror = () => resolve(false);
        }),
      hub.url.replace(/^http/, 'ws'),
    );
    expect(upgraded).toBe(false);
    await page.close();
  });
});
