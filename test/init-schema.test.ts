import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parse.js';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');

describe('communique init', () => {
  it('sets a repository up, and run again reports what exists without touching it', async () => {
    const cwd = project({});
    const first = await runCli(['init'], cwd);
    expect(first).toEqual({
      code: 0,
      stdout:
        'created  communique.config.json — configuration\n' +
        'created  communiques — folder for communiqués\n' +
        'created  .vscode/settings.json — editor setting: validate front matter against the schemas\n' +
        'created  .github/workflows/communique.yml — CI workflow: annotations and SARIF upload\n',
      stderr: '',
    });
    const config = readFileSync(join(cwd, 'communique.config.json'), 'utf8');
    expect(JSON.parse(config).$schema).toBe('./node_modules/communique/schemas/config.schema.json');
    // The configuration it writes is valid against its own schema.
    expect(parseConfig(config).ok).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, '.vscode/settings.json'), 'utf8'))['yaml.schemas']).toEqual({
      './node_modules/communique/schemas/communique.schema.json': ['communiques/**/*.md'],
    });
    const workflow = readFileSync(join(cwd, '.github/workflows/communique.yml'), 'utf8');
    expect(workflow).toContain('npx communique validate --format github --format sarif=communique.sarif');
    expect(workflow).toContain('github/codeql-action/upload-sarif');

    writeFileSync(join(cwd, 'communique.config.json'), '{ "files": ["mine"] }\n');
    const again = await runCli(['init'], cwd);
    expect(again.stdout).toBe(
      'exists   communique.config.json (left as it is)\n' +
        'exists   communiques (left as it is)\n' +
        'exists   .vscode/settings.json (left as it is)\n' +
        'exists   .github/workflows/communique.yml (left as it is)\n',
    );
    expect(readFileSync(join(cwd, 'communique.config.json'), 'utf8')).toBe('{ "files": ["mine"] }\n');
  });

  it('recognises a configuration under its other name', async () => {
    const cwd = project({ '.communiquerc.json': '{}\n' });
    expect((await runCli(['init'], cwd)).stdout).toContain('exists   .communiquerc.json (left as it is)\n');
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
