import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../testing/index.js';

const README = new URL('../../README.md', import.meta.url);
// Inside the package (so `@pcn-hub/sdk/*` resolves to this package) but outside src/ (not built).
const RUN_DIR = new URL('../../.guide/', import.meta.url);

/** The README's runnable snippets: each ```ts block right after a `<!-- guide:<name> -->` marker, in order. */
export function guideSnippets(markdown: string): { name: string; code: string }[] {
  return [...markdown.matchAll(/<!-- guide:([a-z-]+) -->\n\n?```ts\n([\s\S]*?)```/g)].map((m) => ({
    name: m[1]!,
    code: m[2]!,
  }));
}

/** One module running every snippet in order: imports hoisted, the rest in one async function. */
function assemble(snippets: { code: string }[], returned: readonly string[]): string {
  const imports = new Set<string>();
  const body: string[] = [];
  for (const { code } of snippets) {
    for (const line of code.split('\n')) {
      if (line.startsWith('import ')) imports.add(line);
      else body.push(line);
    }
  }
  return `${[...imports].join('\n')}\n\nexport async function run() {\n${body.join('\n')}\nreturn { ${returned.join(', ')} };\n}\n`;
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { PLUGIN_WEBHOOK_POLL_MS: '50', WRITE_BACK_POLL_MS: '50' } });
});
afterAll(() => hub.stop());

describe('the vendor guide (packages/sdk/README.md)', () => {
  it('runs from nothing to a written-back entry and a verified webhook, exactly as written', async () => {
    const snippets = guideSnippets(await readFile(README, 'utf8'));
    expect(snippets.map((s) => s.name)).toEqual([
      'webhooks',
      'manifest',
      'register',
      'record',
      'watch',
      'webhook-received',
      'errors',
      'testing',
    ]);
    process.env.PCN_HUB_URL = hub.url;
    process.env.HUB_MANAGER_TOKEN = await hub.token('hub.manager', 3600);
    process.env.PRACTICE_ADMIN_TOKEN = await hub.token('p1.admin', 3600);
    await mkdir(RUN_DIR, { recursive: true });
    const file = new URL(`guide-${process.pid}.ts`, RUN_DIR);
    await writeFile(
      file,
      assemble(snippets, ['plugin', 'apiKey', 'entry', 'explained', 'delivered', 'received', 'fieldAtFault', 'viewer']),
    );
    try {
      const guide = (await import(file.href)) as { run: () => Promise<Record<string, any>> };
      const out = await guide.run();
      expect(out.plugin.name).toBe('acme-minor-illness');
      expect(out.apiKey).toMatch(/^pcnhub_/);
      expect(out.explained).toMatchObject({
        willWriteBack: true,
        state: 'DELIVERED',
        sourceProduct: 'acme-minor-illness',
        sourcePlugin: { name: 'acme-minor-illness' },
      });
      expect(out.delivered).toMatchObject({
        type: 'write-back.WRITE_BACK_DELIVERED',
        organisation: { odsCode: 'Y99011' },
      });
      // The webhook names the entry by the same global id the API returned for it.
      expect(out.delivered.data.entryId).toBe(out.entry.id);
      expect(out.received.every((e: any) => e.organisation.odsCode === 'Y99011')).toBe(true);
      expect(out.fieldAtFault).toMatch(/^input\.entries\[0\]/);
      expect(out.viewer).toMatchObject({ name: 'acme-minor-illness' });
    } finally {
      await rm(file, { force: true });
    }
  });
});
