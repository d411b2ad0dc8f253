import type { Browser, BrowserContext, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../api/src/test/harness.js';
import { submit } from '../../../api/src/modules/inbox/inbox.testkit.js';
import { syntheticNhsNumber } from '@pcn-hub/schema';
import { eventually, launch, newPage, originOf, seriousViolations, signIn, WEB_DIST } from './browser.testkit.js';

/** Demo patient 0, registered at practice Y99011 (a practice with an in-hub write-back target). */
const PATIENT_AT_Y99011 = syntheticNhsNumber(0);

/**
 * The Smart Inbox in a real browser (Debian's chromium, headless) against a real hub in this
 * process, serving the built app from packages/web/dist. Synthetic demo data only.
 */
describe('Smart Inbox in the browser', () => {
  let hub: TestHub & { stop(): Promise<void> };
  let browser: Browser;
  let origin: string;
  const contexts: BrowserContext[] = [];

  const context = async () => {
    const c = await browser.newContext();
    c.setDefaultTimeout(10_000);
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestHub('pglite', { WEB_DIST_DIR: WEB_DIST }), launch()]);
    origin = originOf(hub.app.url);
    // A few open consultations in the hub's inbox to start from.
    for (let i = 0; i < 3; i++) await submit(hub, i);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser.close();
    await hub.stop();
  });

  it('signs in as a hub clinician and shows the inbox with its folders and counts', async () => {
    const { page, problems } = await newPage(await context());
    await signIn(page, origin, 'hub.anp1');
    const api = await hub.gql<{ inbox: { folderCounts: { folder: string; count: number }[] } }>(
      'query { inbox(organisation: "Y99000") { folderCounts { folder count } } }',
      {},
      'hub.anp1',
    );
    const allOpen = api.data!.inbox.folderCounts.find((c) => c.folder === 'ALL_OPEN')!.count;
    expect(allOpen).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator('[data-folder="ALL_OPEN"]').textContent()).toBe(String(allOpen));
    await expect.poll(() => page.locator('tbody tr').count()).toBe(allOpen);
    expect(await page.getByRole('link', { name: /Awaiting triage/ }).count()).toBe(1);
    expect(problems).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a consultation submitted through the API within 2 s, without a reload', async () => {
    const { page } = await newPage(await context());
    await signIn(page, origin, 'hub.anp1');
    await page.locator('tbody tr').first().waitFor();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const started = Date.now();
    const { consultationId } = await submit(hub, 10);
    await page.locator(`tr[data-id="${consultationId}"]`).waitFor({ timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2000);
    // Same document: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });

  it('two clinicians claim the same item: one holds it, the other sees who holds it', async () => {
    const { consultationId } = await submit(hub, 11);
    const a = (await newPage(await context())).page;
    const b = (await newPage(await context())).page;
    await Promise.all([signIn(a, origin, 'hub.anp1'), signIn(b, origin, 'hub.anp2')]);
    const path = `${origin}/consultations/${encodeURIComponent(consultationId)}`;
    await Promise.all([a.goto(path), b.goto(path)]);
    await Promise.all([
      a.getByRole('button', { name: 'Claim' }).waitFor(),
      b.getByRole('button', { name: 'Claim' }).waitFor(),
    ]);
    // Both press Claim at once (the loser's button may already be gone when the winner's event arrives).
    const press = () => document.querySelector<HTMLButtonElement>('form[aria-label="Claim"] button')?.click();
    await Promise.all([a.evaluate(press), b.evaluate(press)]);
    const holder = await eventually(async () => {
      const lock = await hub.gql<{ onlineConsultation: { lock: { holder: string } | null } }>(
        'query($id: ID!) { onlineConsultation(id: $id) { lock { holder } } }',
        { id: consultationId },
        'hub.anp1',
      );
      expect(lock.data?.onlineConsultation.lock?.holder).toMatch(/^hub\.anp[12]$/);
    }).then(async () => {
      const text = (await a.getByTestId('lock').textContent()) ?? '';
      return text.startsWith('hub.anp1') ? 'hub.anp1' : 'hub.anp2';
    });
    const [holding, other] = holder === 'hub.anp1' ? [a, b] : [b, a];
    await holding.getByRole('button', { name: 'Release' }).waitFor({ timeout: 3000 });
    await other.getByText(`${holder} is working on this consultation.`).waitFor({ timeout: 3000 });
    await expect.poll(() => other.getByTestId('lock').textContent()).toContain(holder);
    expect(await seriousViolations(holding)).toEqual([]);
    expect(await seriousViolations(other)).toEqual([]);
  });

  it('after a dropped WebSocket it reconnects, resumes from its cursor, and shows nothing missing or twice', async () => {
    const c = await context();
    const sockets: WebSocketRoute[] = [];
    let refuse = false;
    await c.routeWebSocket(/\/graphql$/, (ws) => {
      if (refuse) {
        void ws.close({ code: 1013, reason: 'test: try again later' });
        return;
      }
      sockets.push(ws);
      ws.connectToServer();
    });
    const { page } = await newPage(c);
    await signIn(page, origin, 'hub.anp1');
    const ids: string[] = [];
    for (let i = 20; i < 22; i++) ids.push((await submit(hub, i)).consultationId);
    for (const id of ids) await page.locator(`tr[data-id="${id}"]`).waitFor({ timeout: 2000 });

    // The connection drops, and stays down for a while as arrivals continue.
    refuse = true;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1011, reason: 'test: dropped' });
    await page.locator('[data-live="reconnecting"]').waitFor({ timeout: 2000 });
    for (let i = 22; i < 25; i++) ids.push((await submit(hub, i)).consultationId);
    refuse = false;
    for (let i = 25; i < 27; i++) ids.push((await submit(hub, i)).consultationId);

    await page.locator('[data-live="live"]').waitFor({ timeout: 8000 });
    for (const id of ids) await page.locator(`tr[data-id="${id}"]`).waitFor({ timeout: 3000 });
    const shown = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(new Set(shown).size).toBe(shown.length);
    // The activity list shows every event once, gap-free (the hub replayed the gap from the cursor).
    await eventually(async () => {
      const seqs = (
        await page
          .locator('.activity li')
          .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-seq'))))
      ).sort((x, y) => x - y);
      expect(seqs.length).toBeGreaterThanOrEqual(7);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs.at(-1)! - seqs[0]! + 1).toBe(seqs.length);
    }, 10_000);
  });

  it("passes back from the hub: the practice's open inbox shows it live, with the notes", async () => {
    const { consultationId } = await submit(hub, 42); // registered at Y99011
    const { page } = await newPage(await context());
    await signIn(page, origin, 'p1.gp');
    await page.locator('[data-folder="ALL_OPEN"]').waitFor();
    const claim = await hub.gql(
      'mutation($id: ID!) { claimConsultation(input: { consultationId: $id }) { consultation { id } } }',
      { id: consultationId },
      'hub.anp1',
    );
    expect(claim.errors).toBeUndefined();
    const passBack = await hub.gql(
      'mutation($id: ID!) { passBackToPractice(input: { consultationId: $id, reason: "Needs the registered GP", triageNotes: "Please review the throat swab (synthetic)" }) { consultation { id state } } }',
      { id: consultationId },
      'hub.anp1',
    );
    expect(passBack.errors).toBeUndefined();
    const row = page.locator(`tr[data-id="${consultationId}"]`);
    await row.waitFor({ timeout: 3000 });
    await row.getByText("Hub's notes: Please review the throat swab (synthetic)").waitFor();
  });

  it('records a coded entry and saves: its write-back reaches DELIVERED on screen; a bad SNOMED code is marked', async () => {
    const { page, problems } = await newPage(await context());
    await signIn(page, origin, 'hub.anp1');
    await page.goto(`${origin}/hub-consultations/new?nhs=${PATIENT_AT_Y99011}`);
    const code = page.getByLabel('SNOMED CT code, entry 1');
    await code.fill('22298007'); // wrong check digit
    await page.getByLabel('Term, entry 1').fill('Myocardial infarction');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Not a valid SNOMED CT concept id').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await code.fill('22298006');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByRole('heading', { name: /Hub consultation/ }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-testid="write-back"][data-state="DELIVERED"]').waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an expired token sends the user back to sign in, with the reason', async () => {
    const res = await fetch(`${origin}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"user":"hub.anp1","ttlSeconds":3}',
    });
    const { token } = (await res.json()) as { token: string };
    const c = await context();
    const exp = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp * 1000;
    await c.addInitScript(
      (session) => sessionStorage.setItem('pcn-hub.session', session),
      JSON.stringify({ token, user: 'hub.anp1', expiresAt: exp }),
    );
    const { page } = await newPage(c);
    await page.goto(`${origin}/`);
    await page.getByRole('navigation', { name: 'Folders' }).waitFor();
    await page.getByText('Your session has expired. Sign in again.').waitFor({ timeout: 6000 });
    await page.getByLabel('Demo user').waitFor();
  });

  it("downloads a patient's photo through a fresh signed link; a file still arriving has no download", async () => {
    const bytes = Buffer.from('synthetic photo bytes');
    const { consultationId } = await submit(hub, 31, {
      attachments: [
        { fileName: 'rash.jpg', contentType: 'image/jpeg', sizeBytes: bytes.length },
        { fileName: 'later.jpg', contentType: 'image/jpeg', sizeBytes: 10 },
      ],
    });
    const put = await fetch(new URL(`/attachments/consultations/${consultationId}/0`, hub.app.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${await hub.token('oc.supplier')}`, 'content-type': 'image/jpeg' },
      body: bytes,
    });
    expect(put.status).toBe(201);
    const { page, problems } = await newPage(await context());
    await signIn(page, origin, 'hub.anp1');
    await page.goto(`${origin}/consultations/${encodeURIComponent(consultationId)}`);
    await page.getByText('later.jpg').waitFor();
    expect(await page.getByRole('button', { name: 'Download later.jpg' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download rash.jpg' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rash.jpg');
    expect(problems).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens a consultation with its triage form, patient and history; accessible', async () => {
    const { consultationId } = await submit(hub, 30, {
      redFlags: [{ questionId: 'q2', description: 'Difficulty breathing' }],
    });
    const { page, problems } = await newPage(await context());
    await signIn(page, origin, 'hub.anp1');
    await page.goto(`${origin}/consultations/${encodeURIComponent(consultationId)}`);
    await page.getByRole('heading', { name: 'Triage form' }).waitFor();
    await page.getByText('How long have you had symptoms?').waitFor();
    await page.getByText('Difficulty breathing').first().waitFor();
    await page.getByText('throat.jpg').waitFor();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Complete' }).waitFor();
    // An empty outcome: the API's BAD_USER_INPUT is shown in words and its field marked.
    await page.getByRole('button', { name: 'Complete' }).click();
    const complete = page.getByRole('form', { name: 'Complete' });
    await complete.getByRole('alert').waitFor();
    expect(await complete.getByLabel('Outcome').getAttribute('aria-invalid')).toBe('true');
    expect(await complete.getByRole('alert').textContent()).toMatch(/Please check what you entered/);
    expect(problems).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
