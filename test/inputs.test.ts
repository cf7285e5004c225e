import * as fs from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { expandPaths, MARKDOWN_FILES } from '../src/io/inputs.js';
import { project } from './support/io.js';

/**
 * A folder is walked by communique itself, not by the glob library (see `filesIn`); it must
 * find what the glob `**\/*.{md,markdown}` with the ignore list finds, file for file.
 */
describe('the files of a folder', () => {
  const tree = {
    'a.md': 'x',
    'B.md': 'x',
    'upper.MD': 'x',
    'long.markdown': 'x',
    'notes.txt': 'x',
    'out/a.pandoc.md': 'x',
    '.hidden.md': 'x',
    '.drafts/secret.md': 'x',
    'node_modules/pkg/readme.md': 'x',
    'deep/er/still/c.md': 'x',
    'deep/er/.git/d.md': 'x',
    'deep/md': 'x',
    'space name/é.md': 'x',
  };

  it('lists what the glob lists: no hidden files or folders, no node_modules, no pandoc output, no links', async () => {
    const cwd = project(tree);
    fs.mkdirSync(join(cwd, 'elsewhere'));
    fs.writeFileSync(join(cwd, 'elsewhere/far.md'), 'x');
    fs.symlinkSync(join(cwd, 'elsewhere/far.md'), join(cwd, 'deep/link.md'));
    fs.symlinkSync(join(cwd, 'elsewhere'), join(cwd, 'deep/linked-folder'));
    fs.symlinkSync('/dev/zero', join(cwd, 'zero.md'));
    const expanded = await expandPaths(fs, ['.'], cwd, MARKDOWN_FILES);
    const globbed = await glob('**/*.{md,markdown}', {
      cwd,
      ignore: ['**/node_modules/**', '**/.git/**', '**/.*/**', '**/*.pandoc.md'],
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
    });
    expect(expanded.ok && expanded.files.map((file) => file.name)).toEqual(globbed.sort());
    expect(expanded.ok && expanded.files.map((file) => file.name)).toEqual([
      'B.md',
      'a.md',
      'deep/er/still/c.md',
      'elsewhere/far.md',
      'long.markdown',
      'space name/é.md',
    ]);
  });

  it('names the files by the folder as typed, and by absolute path for reading', async () => {
    const cwd = project(tree);
    const expanded = await expandPaths(fs, ['deep/'], cwd, MARKDOWN_FILES);
    expect(expanded).toEqual({
      ok: true,
      files: [{ path: join(cwd, 'deep/er/still/c.md'), name: 'deep/er/still/c.md' }],
      unreadable: [],
    });
  });
});
