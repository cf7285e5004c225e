import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * What a committee's repository gets: the package `npm pack` makes, installed from the
 * tarball with no dev dependencies, set up with `init`, and the workflow `init` writes run
 * step by step — as a secretariat would before the package is on the registry.
 */
const repo = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the packed package in a committee repository', () => {
  it('installs from the tarball, sets the repository up, and passes its own workflow', { timeout: 300_000 }, () => {
    const packed = mkdtempSync(join(tmpdir(), 'communique-test-pack-'));
    // The tests have just built dist/; the package is what `files` in package.json names.
    execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', packed], { cwd: repo, stdio: 'ignore' });
    const tarball = join(packed, readdirSync(packed).find((name) => name.endsWith('.tgz'))!);
    const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;

    const committee = mkdtempSync(join(tmpdir(), 'communique-test-committee-'));
    copyFileSync(tarball, join(committee, 'communique.tgz'));
    const install = run(npm, ['install', '--no-audit', '--no-fund', '--save-dev', './communique.tgz'], committee);
    expect(install.code, install.stderr).toBe(0);
    expect(run('npx', ['communique', '--version'], committee)).toMatchObject({ code: 0, stdout: `${version}\n` });

    const init = run('npx', ['communique', 'init'], committee);
    expect(init.code, init.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(committee, 'package.json'), 'utf8'));
    // The tarball it was installed from stays the dependency; init adds only the scripts.
    expect(manifest.devDependencies).toEqual({ communique: 'file:communique.tgz' });
    expect(manifest.scripts).toMatchObject({ validate: 'communique validate' });

    // An empty communiqués folder is a new repository, not a failure.
    expect(run('npx', ['communique', 'validate'], committee)).toMatchObject({ code: 0 });

    // Every `run:` step of the workflow, in order, as GitHub Actions would run them.
    const workflow = parse(readFileSync(join(committee, '.github/workflows/communique.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.run ? [step.run] : [])),
    );
    expect(steps.length).toBeGreaterThan(1);
    for (const step of steps) {
      const result = run('sh', ['-c', step], committee);
      expect(result.code, `${step}\n${result.stdout}${result.stderr}`).toBe(0);
    }
  });
});
