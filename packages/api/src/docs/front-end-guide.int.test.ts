import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../test/harness.js';
import { submit } from '../modules/inbox/inbox.testkit.js';

const GUIDE = new URL('../../../../docs/front-end.md', import.meta.url);
// Inside the API package (so `graphql-ws` resolves from its dependencies) but outside src/.
const RUN_DIR = new URL('../../.guide/', import.meta.url);

/** The guide's runnable snippets: each ```ts block right after a `<!-- frontend:<name> -->` marker, in order. */
function snippets(markdown: string): { name: string; code: string }[] {
  return [...markdown.matchAll(/<!-- frontend:([a-z-]+) -->\n\n?```ts\n([\s\S]*?)```/g)].map((m) => ({
    name: m[1]!,
    code: m[2]!,
  }));
}

/** One module running every snippet in order: imports hoisted, the rest in one async function. */
function assemble(parts: { code: string }[], returned: readonly string[]): string {
  const imports = new Set<string>();
  const body: string[] = [];
  for (const { code } of parts) {
    for (const line of code.split('\n')) {
      if (line.startsWith('import ')) imports.add(line);
      else body.push(line);
    }
  }
  return `${[...imports].join('\n')}\n\nexport async function run() {\n${body.join('\n')}\nreturn { ${returned.join(', ')} };\n}\n`;
}

interface GuideOutcome {
  viewer: { id: string; organisation: { odsCode: string } };
  fieldAtFault: string | undefined;
  seen: string[];
  claimed: { consultation: { id: string; state: string; lock: { holder: string | null } | null } };
  released: { consultation: { id: string; state: string; lock: { holder: string | null } | null } };
  follow: (stopAfter: number) => Promise<void>;
  events: { seq?: number; cursor?: string; consultationId?: string }[];
  resyncs: number;
  first: { data: { viewer: { id: string } }; registered: boolean };
  again: { data: { viewer: { id: string } }; registered: boolean };
}

let hub: TestHub & { stop(): Promise<void> };
beforeAll(async () => {
  hub = await startTestHub('pglite');
  for (let i = 0; i < 5; i += 1) await submit(hub, i);
});
afterAll(() => hub.stop());

describe('the front-end guide (docs/front-end.md)', () => {
  it('runs as written: request, errors, paging, mutation payloads, a live inbox resumed after a drop, persisted queries', async () => {
    const parts = snippets(await readFile(GUIDE, 'utf8'));
    expect(parts.map((p) => p.name)).toEqual(['request', 'errors', 'paging', 'mutations', 'live', 'persisted']);
    process.env.PCN_HUB_URL = hub.app.url;
    process.env.HUB_TOKEN = await hub.token('hub.anp1', 3600);
    await mkdir(RUN_DIR, { recursive: true });
    const file = new URL(`front-end-${process.pid}.ts`, RUN_DIR);
    await writeFile(
      file,
      assemble(parts, [
        'viewer',
        'fieldAtFault',
        'seen',
        'claimed',
        'released',
        'follow',
        'events',
        'resyncs',
        'first',
        'again',
      ]),
    );
    try {
      const guide = (await import(file.href)) as { run: () => Promise<GuideOutcome> };
      const out = await guide.run();
      expect(out.viewer.id).toBe('hub.anp1');
      expect(out.fieldAtFault).toBe('input.consultationId');
      expect(out.seen.length).toBeGreaterThanOrEqual(5);
      expect(new Set(out.seen).size).toBe(out.seen.length);
      expect(out.claimed.consultation).toMatchObject({ id: out.seen[0], lock: { holder: 'hub.anp1' } });
      expect(out.released.consultation.id).toBe(out.seen[0]);
      expect(out.released.consultation.lock?.holder ?? null).toBeNull();
      expect(out.first.registered).toBe(true);
      expect(out.again.registered).toBe(false);
      expect(out.again.data.viewer.id).toBe('hub.anp1');

      // Live: one arrival, then a drop; two arrive meanwhile; resuming replays them, then one more live.
      const live = out.follow(1);
      await new Promise((r) => setTimeout(r, 500));
      await submit(hub, 10);
      await live;
      await submit(hub, 11);
      await submit(hub, 12);
      const resumed = out.follow(4);
      await new Promise((r) => setTimeout(r, 500));
      await submit(hub, 13);
      await resumed;
      const seqs = out.events.map((e) => e.seq!);
      expect(seqs.length).toBe(4);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i)); // consecutive: nothing missing, nothing twice
      expect(out.resyncs).toBe(0);
    } finally {
      await rm(file, { force: true });
    }
  });
});
