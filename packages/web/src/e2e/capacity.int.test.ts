import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../../api/src/test/harness.js';
import { launch, newPage, originOf, seriousViolations, signIn, WEB_DIST } from './browser.testkit.js';

interface Capacity {
  hubCapacity: {
    overflowMode: string | null;
    services: {
      service: { name: string };
      plan: { plannedCapacity: number; softThreshold: number; hardThreshold: number; overflowMode: string } | null;
    }[];
  };
}

/** Today's capacity per hub service: the hub manager changes it, other hub staff read it. */
describe('Capacity in the browser', () => {
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
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser.close();
    await hub.stop();
  });

  it("the hub manager changes a service's thresholds and overflow mode and sees the change", async () => {
    const { page, problems } = await newPage(await context());
    await signIn(page, origin, 'hub.manager');
    await page.getByRole('link', { name: 'Capacity' }).click();
    await page.getByRole('heading', { name: /Capacity today/ }).waitFor();
    const form = page.locator('form.plan-form').first();
    const legend = (await form.locator('legend').textContent())!;
    const service = legend.replace(/^Plan for /, '');

    // Soft above hard: refused on the form, the field marked, nothing sent.
    await form.getByLabel('Soft threshold').fill('30');
    await form.getByLabel('Hard threshold').fill('20');
    await form.getByRole('button', { name: `Save plan for ${service}` }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('Soft threshold').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Planned capacity').fill('24');
    await form.getByLabel('Soft threshold').fill('15');
    await form.getByLabel('Hard threshold').fill('21');
    await form.getByLabel('Overflow mode').selectOption('PASS_BACK_DEFAULT');
    await form.getByRole('button', { name: `Save plan for ${service}` }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const row = page.locator(`tr[data-service="${service}"]`);
    await expect.poll(() => row.locator('[data-col="planned"]').textContent()).toBe('24');
    expect(await row.locator('[data-col="soft"]').textContent()).toBe('15');
    expect(await row.locator('[data-col="hard"]').textContent()).toBe('21');
    expect(await row.locator('[data-col="overflow"]').textContent()).toBe('pass back default');
    await expect.poll(() => page.getByTestId('hub-state').textContent()).toContain('pass back default');

    const api = await hub.gql<Capacity>(
      'query { hubCapacity { overflowMode services { service { name } plan { plannedCapacity softThreshold hardThreshold overflowMode } } } }',
      {},
      'hub.manager',
    );
    expect(api.data!.hubCapacity.services.find((s) => s.service.name === service)!.plan).toEqual({
      plannedCapacity: 24,
      softThreshold: 15,
      hardThreshold: 21,
      overflowMode: 'PASS_BACK_DEFAULT',
    });
    expect(problems).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a hub clinician sees capacity read-only', async () => {
    const { page, problems } = await newPage(await context());
    await signIn(page, origin, 'hub.anp1');
    await page.goto(`${origin}/capacity`);
    await page.getByRole('table', { name: 'Hub services' }).waitFor();
    await page.getByText('Read only: the hub manager sets capacity.').waitFor();
    expect(await page.locator('main input, main select, main button').count()).toBe(0);
    // The manager's change (previous test) shows here too.
    expect(await page.locator('td[data-col="planned"]', { hasText: '24' }).count()).toBe(1);
    expect(problems).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
