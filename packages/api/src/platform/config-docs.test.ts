import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@pcn-hub/schema';
import { CONFIG_VARIABLES } from './config.js';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

/** Names in the first column of the table under the README's `## <heading>`. */
function firstColumn(heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) return [];
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1] ?? '');
}

describe('README configuration table', () => {
  const documented = new Set(firstColumn('Configuration'));

  it.each(CONFIG_VARIABLES)('documents %s', (name) => {
    expect(
      documented.has(name),
      `add to README.md under "## Configuration": | \`${name}\` | <default> | <meaning> |`,
    ).toBe(true);
  });

  it('lists no variable that the configuration does not read', () => {
    const known = new Set<string>(CONFIG_VARIABLES);
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('README error codes table', () => {
  it('lists exactly the codes of the contract', () => {
    expect(firstColumn('Error codes').sort()).toEqual([...ERROR_CODES].sort());
  });
});
