import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCorpus } from '../scripts/corpus.mjs';
import { VALID_DRAFT, WITH_ERROR } from './support/documents.js';
import { project } from './support/io.js';

/** These tests run the built binary, as users and CI do (`npm test` builds first). */
const repo = resolve(import.meta.dirname, '..');
const bin = join(repo, 'bin/communique.js');

function communique(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built binary', () => {
  it('is built', () => {
    expect(existsSync(join(repo, 'dist/cli.js'))).toBe(true);
    // The cache key holds the worker script whole, as the build's fingerprint (io/cache-file.ts),
    // so that a cached run need not load node:crypto: it must stay a small file naming its
    // chunks by content hash.
    const worker = readFileSync(join(repo, 'dist/worker.js'), 'utf8');
    expect(worker.length).toBeLessThan(4096);
    expect(worker).toMatch(/require\("\.\/steps-[\w-]{8}\.js"\)/);
  });

  it('prints its version and help, exit 0', () => {
    expect(communique(['--version'])).toEqual({
      code: 0,
      stdout: `${JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version}\n`,
      stderr: '',
    });
    const help = communique(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format <format[=file]>');
  });

  it('validates the examples, exit 0', () => {
    expect(communique(['validate', 'examples'])).toEqual({
      code: 0,
      stdout: '✔ 3 files checked, no problems\n',
      stderr: '',
    });
  });

  it('gives the same results on worker threads as in one thread, in the same order', () => {
    const cwd = project({});
    writeCorpus(join(cwd, 'corpus'), 260);
    const parallel = communique(['validate', 'corpus', '-f', 'json', '--jobs', '2'], { cwd });
    const serial = communique(['validate', 'corpus', '-f', 'json', '--jobs', '1'], { cwd });
    expect(parallel.code).toBe(1);
    expect(serial.code).toBe(1);
    const files = JSON.parse(parallel.stdout) as { file: string; messages: unknown[] }[];
    expect(files).toHaveLength(260);
    expect(files.filter((file) => file.messages.length > 0)).toHaveLength(26);
    expect(parallel.stdout).toBe(serial.stdout);
  });

  it('colours stylish output only when asked or on a terminal', () => {
    const cwd = project({ 'error.md': WITH_ERROR });
    const plain = communique(['validate', 'error.md'], { cwd });
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = communique(['validate', 'error.md'], { cwd, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31m');
    const refused = communique(['validate', 'error.md'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(refused.stdout).not.toContain('\u001b[');
  });

  it('never runs JavaScript front matter', () => {
    const marker = join(project({}), 'pwned');
    const cwd = project({
      'evil.md': `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\n\nBody\n`,
    });
    const result = communique(['validate', 'evil.md', '-f', 'json'], { cwd });
    expect(existsSync(marker)).toBe(false);
    expect(JSON.parse(result.stdout)[0].messages[0]).toEqual({
      ruleId: 'frontmatter/language',
      severity: 'error',
      message: 'The front matter is marked as `js`; only YAML front matter is accepted, and it is not run',
      hint: 'Open the front matter with a line containing only `---`. Front matter in other languages is never run.',
      line: 1,
      column: 4,
      endLine: 1,
      endColumn: 6,
    });
    expect(result.code).toBe(1);
  });

  it('answers a run from the cache without loading the YAML reader or the schema validators', () => {
    const cwd = project({ 'a.md': VALID_DRAFT, 'b.md': WITH_ERROR });
    expect(communique(['validate', '--cache', '.'], { cwd }).code).toBe(1);
    const script = `
      const { run } = require(${JSON.stringify(join(repo, 'dist/cli.js'))});
      const out = [];
      const io = { stdout: { write: (text) => out.push(text) }, stderr: { write() {} }, cwd: process.cwd(), env: {}, fs: require('node:fs'), now: () => new Date() };
      run(['validate', '--cache', '--format', 'json', '.'], io).then((code) =>
        process.stdout.write(JSON.stringify({ code, report: JSON.parse(out.join('')), loaded: Object.keys(require.cache) })));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const { code, report, loaded } = JSON.parse(result.stdout) as { code: number; report: unknown[]; loaded: string[] };
    expect(code).toBe(1);
    expect(report).toEqual([
      { file: 'a.md', messages: [] },
      { file: 'b.md', messages: [expect.objectContaining({ severity: 'error' })] },
    ]);
    const source = loaded.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(source).toContain('ResultCache');
    for (const heavy of ['YAMLParseError', 'validateCommunique', 'js-yaml']) expect(source).not.toContain(heavy);
  });

  it('validates a file without loading the renderers or the templates compiled for them', () => {
    const cwd = project({ 'a.md': VALID_DRAFT });
    const script = `
      const { run } = require(${JSON.stringify(join(repo, 'dist/cli.js'))});
      const quiet = { write() {} };
      run(['validate', 'a.md'], { stdout: quiet, stderr: quiet, cwd: process.cwd(), env: {}, fs: require('node:fs'), now: () => new Date() })
        .then((code) => process.stdout.write(JSON.stringify({ code, loaded: Object.keys(require.cache) })));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const { code, loaded } = JSON.parse(result.stdout) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    const source = loaded.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(source).toContain('validateCommunique');
    for (const rendering of ['PRECOMPILED = {', 'function bodyHtml(', 'node_modules/handlebars'])
      expect(source).not.toContain(rendering);
  });

  it('loads no YAML, schema or Markdown code to show help', () => {
    // What `--help` really loads: the files in require's cache after the program ran.
    const script = `
      const { run } = require('./dist/cli.js');
      const quiet = { write() {} };
      run(['--help'], { stdout: quiet, stderr: quiet, cwd: process.cwd(), env: {}, fs: require('node:fs'), now: () => new Date() })
        .then(() => process.stdout.write(JSON.stringify(Object.keys(require.cache))));`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: repo, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const loaded = (JSON.parse(result.stdout) as string[]).map((file) => relative(repo, file));
    expect(loaded.map((file) => file.replace(/-[\w-]{8}\.js$/, '-[hash].js')).sort()).toEqual([
      'dist/base-[hash].js',
      'dist/cli.js',
      'dist/rolldown-runtime-[hash].js',
    ]);
    const code = loaded.map((file) => readFileSync(join(repo, file), 'utf8')).join('\n');
    expect(code).toContain('parseAsync'); // commander is there
    for (const heavy of [
      'YAMLParseError',
      'validateCommunique',
      'parseMatter',
      'micromark',
      'Chalk',
      'ExitPromptError',
    ])
      expect(code).not.toContain(heavy);
  });
});
