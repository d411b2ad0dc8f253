// Helpers of bench/reports.mjs: the plans of both statements, and its section of BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** EXPLAIN (ANALYZE, BUFFERS) of both statements: the full text and a one-line shape. */
export async function explainBoth(pg, url, serviceSql, [floorSql, floorParams]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async (text, params) => {
    const { rows } = await client.query(`explain (analyze, buffers) ${text}`, params);
    const lines = rows.map((r) => r['QUERY PLAN']);
    const nodes = [lines[0], ...lines.filter((l) => /^\s*->/.test(l))].map((l) =>
      l.replace(/^\s*->\s*/, '').replace(/\s*\(cost=.*$/, ''),
    );
    const exec = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
    return { text: lines.join('\n'), summary: `took ${exec} (${nodes.join(' <- ')})` };
  };
  try {
    return { service: await one(serviceSql), floor: await one(floorSql, floorParams) };
  } finally {
    await client.end();
  }
}

/**
 * Writes the figures at the top of this benchmark's section of BENCHMARKS.md (current figures
 * first), between markers, so that a rerun refreshes them and leaves the reading below alone.
 */
/** The commit being measured (read at the start of a run, before any commit made during it). */
export function currentCommit() {
  try {
    const cwd = fileURLToPath(new URL('../..', import.meta.url));
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: 'pipe' });
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return `commit ${head.trim()}${dirty.trim() ? ' plus uncommitted work' : ''}`;
  } catch {
    return 'unknown commit';
  }
}

export async function writeSection(parts, commit) {
  const file = new URL('../../BENCHMARKS.md', import.meta.url);
  const heading = '## Online consultation report (bench:reports)';
  const BEGIN = '<!-- bench:reports figures (written by bench/reports.mjs) -->';
  const END = '<!-- /bench:reports figures -->';
  const figures = [
    BEGIN,
    '',
    `### ${new Date().toISOString().slice(0, 10)}, ${commit}`,
    '',
    ...parts.flatMap((p) => [p, '']),
    END,
  ].join('\n');
  const description = [
    heading,
    '',
    '`pnpm bench:reports` (`bench/reports.mjs`): POST /graphql',
    '`onlineConsultationReport(period: <last calendar year>, groupBy: [PRACTICE, MONTH])` with every figure of',
    'the row, as the demo PCN analyst, on a scratch PostgreSQL database (migrations + demo seed, then a year of',
    "online consultations at ten times the pilot's volume, 540,000 across the 7 practices, generated inside",
    'PostgreSQL with their triage history: about 35% at the hub (closed remotely, hub service, signposted',
    'outside, admin, urgent, cancelled, open), 10% passed back, 55% kept by the practices; then ANALYZE). The',
    "API runs from dist in the script's process (NODE_ENV=production). Three cases, sequential and interleaved",
    '(the order rotates): the API; the floor, the same figures as one hand-written SQL statement over',
    "node-postgres; and the service's own statement (as the ORM sent it) alone. The API's rows are checked",
    'against the floor and the seeded volume before timing. `BENCH_RUNS`, `BENCH_WARMUP`, `BENCH_CONSULTATIONS`',
    'change the run; `BENCH_SQL=1` prints the plans. Target (issue 21): the API within 2x the floor.',
    '',
    figures,
    '',
  ].join('\n');
  let text = await readFile(file, 'utf8');
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin >= 0 && end > begin) {
    text = `${text.slice(0, begin)}${figures}${text.slice(end + END.length)}`;
  } else if (!text.includes(heading)) {
    text = `${text.replace(/\n*$/, '\n\n')}${description}`;
  }
  await writeFile(file, text);
}
