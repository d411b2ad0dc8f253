import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { idempotentMutationFields, mutationDocuments, queryDocuments, subscriptionDocuments } from './index.js';

const sdkDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const script = join(sdkDir, 'scripts/codegen.mjs');
const GENERATED = [
  'src/client/operations.generated.graphql',
  'src/generated/graphql.ts',
  'src/generated/operations.ts',
];
const scratch = mkdtempSync(join(tmpdir(), 'pcn-hub-sdk-drift-'));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generated client', () => {
  it('matches a fresh generation from packages/schema/schema.graphql (the CI drift check)', () => {
    const result = run('--check');
    expect(result.output).toContain('up to date');
    expect(result.status).toBe(0);
  });

  it('the drift check names a generated file that no longer matches, and fails', () => {
    expect(run('--out', scratch).status).toBe(0);
    expect(run('--check', '--against', scratch).status).toBe(0);
    const tampered = join(scratch, 'src/generated/operations.ts');
    writeFileSync(tampered, readFileSync(tampered, 'utf8').replace('  viewer: G.ViewerQueryDocument,\n', ''));
    const result = run('--check', '--against', scratch);
    expect(result.status).toBe(1);
    expect(result.output).toContain('src/generated/operations.ts');
    for (const untouched of GENERATED.filter((file) => !file.endsWith('operations.ts')))
      expect(result.output).not.toContain(untouched);
  });

  it('generates one operation per root field of the schema, each calling its field', () => {
    const schema = buildSchema(readFileSync(join(sdkDir, '../schema/schema.graphql'), 'utf8'));
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const expected = roots.flatMap((root) =>
      root ? Object.keys(root.getFields()).map((field) => `${root.name}.${field}`) : [],
    );
    const operations = readFileSync(join(scratch, GENERATED[0]!), 'utf8');
    const generated = [...operations.matchAll(/^(query|mutation|subscription) \w+.*\{\n {2}(\w+)/gm)].map(
      (m) => `${m[1]!.charAt(0).toUpperCase()}${m[1]!.slice(1)}.${m[2]}`,
    );
    expect(generated.sort()).toEqual(expected.sort());
  });

  it('knows which mutations take an idempotency key', () => {
    expect(idempotentMutationFields).toEqual(
      expect.arrayContaining(['recordConsultation', 'saveConsultation', 'addConsultationEntry']),
    );
    expect(idempotentMutationFields).not.toContain('submitOnlineConsultation');
    expect(
      Object.keys(queryDocuments).length +
        Object.keys(mutationDocuments).length +
        Object.keys(subscriptionDocuments).length,
    ).toBeGreaterThan(90);
  });
});
