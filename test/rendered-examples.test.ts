import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/io.js';
import { temporaryFolder } from './support/temporary.js';

/**
 * The renderings committed under examples/rendered/ are what the code produces today:
 * a change to any format shows up here, and is either a bug or needs
 * `npm run render-examples` (and a look at the diff).
 */
const repo = resolve(import.meta.dirname, '..');
const committed = join(repo, 'examples/rendered');

describe('examples/rendered', () => {
  it('matches what the code renders now, byte for byte', async () => {
    const out = temporaryFolder('communique-rendered-');
    for (const format of ['html', 'md', 'txt', 'docx']) {
      const result = await runCli(
        ['render', 'examples', '--to', format, '--out', relative(repo, out) === '' ? out : out],
        repo,
        {},
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const files = readdirSync(committed).sort();
    expect(readdirSync(out).sort()).toEqual(files);
    expect(files).toHaveLength(3 * 4 + 1);
    for (const file of files) {
      expect(
        readFileSync(join(out, file)).equals(readFileSync(join(committed, file))),
        `${file} has drifted: run npm run render-examples`,
      ).toBe(true);
    }
  });
});
