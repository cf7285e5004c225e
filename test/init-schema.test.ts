import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parse.js';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');

const NEXT_STEPS = `
Next steps:
  npm install                 # installs communique
  npx communique new          # drafts the first communiqué
  npm run validate            # checks every communiqué, as CI will
  git add communiques communique.config.json package.json .gitignore .github
`;

describe('communique init', () => {
  it('sets a fresh repository up, and run again reports what exists without touching it', async () => {
    const cwd = project({});
    const first = await runCli(['init'], cwd);
    expect(first).toEqual({
      code: 0,
      stdout:
        'created  communique.config.json — configuration\n' +
        'created  communiques/.gitkeep — keeps the communiqués folder in git\n' +
        'created  package.json — dev dependency and scripts\n' +
        'created  .gitignore — ignores node_modules and renders\n' +
        'created  .github/workflows/communique.yml — CI workflow: annotations\n' +
        NEXT_STEPS,
      stderr: '',
    });
    const config = readFileSync(join(cwd, 'communique.config.json'), 'utf8');
    expect(JSON.parse(config).$schema).toBe('./node_modules/communique/schemas/config.schema.json');
    // The configuration it writes is valid against its own schema.
    expect(parseConfig(config).ok).toBe(true);
    expect(readFileSync(join(cwd, 'communiques/.gitkeep'), 'utf8')).toBe('');
    const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
    expect(JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'))).toEqual({
      name: 'communiques',
      private: true,
      scripts: { validate: 'communique validate', export: 'communique export' },
      devDependencies: { communique: `^${version}` },
    });
    expect(readFileSync(join(cwd, '.gitignore'), 'utf8')).toBe('node_modules/\nrendered/\n');
    const workflow = readFileSync(join(cwd, '.github/workflows/communique.yml'), 'utf8');
    expect(workflow).toContain(
      '      - run: npm install --no-audit --no-fund\n      - run: npx communique validate --format github\n',
    );
    expect(workflow).toContain('package-manager-cache: false');
    expect(workflow).not.toContain('sarif');
    expect(workflow).toContain('  push:\n    branches: [main]\n  pull_request:\n');

    writeFileSync(join(cwd, 'communique.config.json'), '{ "files": ["mine"] }\n');
    const again = await runCli(['init'], cwd);
    expect(again.stdout).toBe(
      'exists   communique.config.json (left as it is)\n' +
        'exists   communiques/.gitkeep (left as it is)\n' +
        'exists   package.json (left as it is)\n' +
        'exists   .gitignore (left as it is)\n' +
        'exists   .github/workflows/communique.yml (left as it is)\n' +
        NEXT_STEPS,
    );
    expect(readFileSync(join(cwd, 'communique.config.json'), 'utf8')).toBe('{ "files": ["mine"] }\n');
  });

  it('adds only what an existing package.json and .gitignore lack, dropping nothing', async () => {
    const existing = {
      name: 'board-papers',
      version: '2.0.0',
      scripts: { validate: 'my-own-check', test: 'vitest' },
      devDependencies: { vitest: '^4.0.0' },
    };
    const cwd = project({
      'package.json': `${JSON.stringify(existing, null, 2)}\n`,
      '.gitignore': 'dist\nnode_modules',
      'package-lock.json': '{}\n',
    });
    const result = await runCli(['init'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('updated  package.json — added scripts.export, devDependencies.communique\n');
    expect(result.stdout).toContain('updated  .gitignore — added rendered/\n');
    const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version;
    expect(JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'))).toEqual({
      ...existing,
      scripts: { validate: 'my-own-check', test: 'vitest', export: 'communique export' },
      devDependencies: { vitest: '^4.0.0', communique: `^${version}` },
    });
    expect(readFileSync(join(cwd, '.gitignore'), 'utf8')).toBe('dist\nnode_modules\nrendered/\n');
    // With a lock file, the workflow installs from it and caches.
    const workflow = readFileSync(join(cwd, '.github/workflows/communique.yml'), 'utf8');
    expect(workflow).toContain('          cache: npm\n      - run: npm ci\n');
  });

  it('uploads SARIF to code scanning only when asked', async () => {
    const cwd = project({});
    const result = await runCli(['init', '--code-scanning'], cwd);
    expect(result.stdout).toContain(
      'created  .github/workflows/communique.yml — CI workflow: annotations and SARIF for code scanning\n',
    );
    const workflow = readFileSync(join(cwd, '.github/workflows/communique.yml'), 'utf8');
    expect(workflow).toContain('npx communique validate --format github --format sarif=communique.sarif');
    expect(workflow).toContain('  security-events: write\n');
    expect(workflow).toContain('github/codeql-action/upload-sarif@v4');
  });

  it('refuses a package.json it cannot read, and writes nothing', async () => {
    const cwd = project({ 'package.json': '{ "name": ' });
    const result = await runCli(['init'], cwd);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'communique: package.json is not valid JSON; correct it, then run `communique init` again\n',
    });
    expect(existsSync(join(cwd, 'communique.config.json'))).toBe(false);
  });

  it('recognises a configuration under its other name', async () => {
    const cwd = project({ '.communiquerc.json': '{}\n' });
    expect((await runCli(['init'], cwd)).stdout).toContain('exists   .communiquerc.json (left as it is)\n');
  });

  it('leaves a new repository whose validate passes: no communiqués yet is not an error', async () => {
    const cwd = project({});
    await runCli(['init'], cwd);
    expect(await runCli(['validate'], cwd)).toEqual({
      code: 0,
      stdout: '✔ 0 files checked, no problems\n',
      stderr: "communique: no communiqués to check yet: the configuration's `files` match none\n",
    });
    // A path the user names that matches nothing is still a mistake.
    expect((await runCli(['validate', 'communique/'], cwd)).code).toBe(2);
  });
});

describe('communique schema', () => {
  it('prints a schema by name', async () => {
    const result = await runCli(['schema', 'meeting'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(repo, 'schemas/meeting.schema.json'), 'utf8'));
  });

  it('writes them all to a folder, and never replaces a different file', async () => {
    const cwd = project({});
    const result = await runCli(['schema', '--out', 'schemas'], cwd);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => line.slice(cwd.length + 1)),
    ).toEqual([
      'schemas/action.schema.json',
      'schemas/agreement.schema.json',
      'schemas/attendee.schema.json',
      'schemas/communique.schema.json',
      'schemas/config.schema.json',
      'schemas/meeting.schema.json',
    ]);
    expect(readFileSync(join(cwd, 'schemas/action.schema.json'), 'utf8')).toBe(
      readFileSync(join(repo, 'schemas/action.schema.json'), 'utf8'),
    );
    expect((await runCli(['schema', '--out', 'schemas'], cwd)).code).toBe(0);
    writeFileSync(join(cwd, 'schemas/action.schema.json'), '{}');
    const refused = await runCli(['schema', '--out', 'schemas'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `communique: not writing ${join(cwd, 'schemas/action.schema.json')}: it exists with other content\n  hint: Use --force to replace it, or choose another --out.\n`,
    );
  });

  it('names the schemas there are when asked for one that is not', async () => {
    const result = await runCli(['schema', 'minutes'], repo);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'communique: there is no schema named `minutes`; the schemas are: action, agreement, attendee, communique, config, meeting\n',
    });
  });
});
