// pnpm bench:web: the Smart Inbox (packages/web) served by a hub on in-memory PGlite, seeded with the
// demo PCN plus 100 open online consultations. Prints the gzipped size of the JavaScript of the first
// page (index.html's module script and its modulepreloads) and how long headless chromium takes from
// navigation to an inbox showing 100 interactive rows (signed in already; the first, cold, run and
// the median of the warm ones). Figures only, no assertions. Env: BENCH_RUNS (default 7).
/* global sessionStorage, document -- used inside functions evaluated in the browser page */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const webDist = fileURLToPath(new URL('../packages/web/dist/', import.meta.url));
const requireFromWeb = createRequire(fileURLToPath(new URL('../packages/web/package.json', import.meta.url)));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COUNT = 100;

execFileSync(process.execPath, [`${root}packages/web/scripts/build-if-stale.mjs`, '--quiet'], { stdio: 'inherit' });

// The JavaScript the first page loads before it can render: the entry and its modulepreloads.
const html = readFileSync(`${webDist}index.html`, 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map(
  (m) => m[1],
);
let raw = 0;
let gzipped = 0;
for (const file of scripts) {
  const bytes = readFileSync(`${webDist}${file}`);
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}

const dist = new URL('../packages/api/dist/', import.meta.url);
const { parseConfig } = await import(new URL('platform/config.js', dist).href);
const { startApp } = await import(new URL('app.js', dist).href);
const { demoPatient, DEMO } = await import(new URL('seed/demo.js', dist).href);

const app = await startApp(
  parseConfig({
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    PCN_HUB_DATA_DIR: 'memory://',
    SEED_ON_START: 'true',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: webDist,
    RATE_LIMIT_REQUESTS: '0',
    // The bench seeds its own 100 consultations; no demo activity on top.
    SEED_DEMO_ACTIVITY: 'false',
  }),
);
const origin = new URL(app.url).origin;
const supplier = await app.tokens.sign({ sub: 'oc.supplier', org: 'Y99000', roles: ['INTEGRATION'] }, 3600);
const clinician = await app.tokens.sign(
  { sub: 'hub.anp1', org: 'Y99000', roles: ['HUB_CLINICIAN', 'HUB_PRESCRIBER'] },
  3600,
);
const SUBMIT =
  'mutation($input: SubmitOnlineConsultationInput!) { submitOnlineConsultation(input: $input) { __typename } }';
for (let i = 0; i < COUNT; i++) {
  const p = demoPatient(i);
  const input = {
    supplier: 'ECONSULT',
    supplierReference: `BENCH-WEB-${Date.now().toString(36)}-${i}`,
    originatingPracticeOdsCode: DEMO.practices[p.practiceIndex].odsCode,
    patient: { nhsNumber: p.nhsNumber, givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth },
    type: i % 5 === 0 ? 'ADMIN' : 'CLINICAL',
    template: 'Sore throat',
    submittedAt: new Date(Date.now() - (COUNT - i) * 60_000).toISOString(),
    answers: [{ questionId: 'q1', question: 'How long have you had symptoms?', answer: 'Three days' }],
    redFlags: i % 7 === 0 ? [{ questionId: 'q1', description: 'Synthetic red flag' }] : [],
    // Every third is due within seconds: overdue by the time the page shows it.
    responseExpectedBy: new Date(Date.now() + (i % 3 === 0 ? 3000 : 2 * 86_400_000)).toISOString(),
  };
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${supplier}` },
    body: JSON.stringify({ query: SUBMIT, variables: { input } }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`submit failed: ${JSON.stringify(body.errors)}`);
}

const { chromium } = requireFromWeb('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const times = [];
try {
  const context = await browser.newContext();
  // Signed in already: the measure is the inbox, not the sign-in form.
  const session = JSON.stringify({ token: clinician, user: 'hub.anp1', expiresAt: null });
  await context.addInitScript((value) => sessionStorage.setItem('pcn-hub.session', value), session);
  for (let run = 0; run < RUNS; run++) {
    const page = await context.newPage();
    await page.goto(`${origin}/?folder=ALL_OPEN`, { waitUntil: 'commit' });
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr[tabindex]').length >= n, COUNT, {
      polling: 'raf',
      timeout: 30_000,
    });
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
} finally {
  await browser.close();
  await app.stop();
}

const warm = times.slice(1).sort((a, b) => a - b);
const median = warm.length ? warm[Math.floor(warm.length / 2)] : times[0];
process.stdout.write(
  [
    `first page JavaScript: ${scripts.length} files, ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`,
    `inbox of ${COUNT} items interactive after navigation: first (cold) ${times[0].toFixed(0)} ms, median of ${warm.length} warm ${median.toFixed(0)} ms`,
    '',
  ].join('\n'),
);
