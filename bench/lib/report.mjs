// Writing a bench's figures into BENCHMARKS.md: each bench owns a block between two HTML comments;
// a run adds its figures at the top of that block (current figures first) and leaves older figures,
// hand-written reading and every other section alone. A block not there yet is added, with the
// bench's description, at the end of the section named `under` (or of the file).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const FILE = new URL('../../BENCHMARKS.md', import.meta.url);

/** "commit abc1234 plus uncommitted work", or "unknown commit" outside a git checkout. */
export function commitLabel() {
  try {
    const cwd = fileURLToPath(new URL('../..', import.meta.url));
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8', stdio: 'pipe' });
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' });
    return `commit ${head.trim()}${dirty.trim() ? ' plus uncommitted work' : ''}`;
  } catch {
    return 'unknown commit';
  }
}

/**
 * Adds `figures` (Markdown, starting with its own ### heading) to the block `name`
 * (`<!-- name figures ... -->` ... `<!-- /name figures -->`).
 */
export async function writeFigures({ name, script, figures, description, under }) {
  const BEGIN = `<!-- ${name} figures (written by ${script}) -->`;
  const END = `<!-- /${name} figures -->`;
  let text;
  try {
    text = await readFile(FILE, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    text = '# Benchmarks\n';
  }
  const begin = text.indexOf(BEGIN);
  if (begin >= 0 && text.indexOf(END) > begin) {
    const at = begin + BEGIN.length;
    text = `${text.slice(0, at)}\n\n${figures.trim()}\n${text.slice(at)}`;
  } else {
    const block = `${description.trim()}\n\n${BEGIN}\n\n${figures.trim()}\n\n${END}\n`;
    const start = under ? text.indexOf(under) : -1;
    const next = start < 0 ? -1 : text.indexOf('\n## ', start + under.length);
    text =
      next < 0
        ? `${text.replace(/\n*$/, '\n\n')}${block}`
        : `${text.slice(0, next).replace(/\n*$/, '\n\n')}${block}${text.slice(next)}`;
  }
  await writeFile(FILE, text);
}
