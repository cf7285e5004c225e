import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');
const example = (name: string) => readFileSync(join(repo, 'examples', `${name}.md`), 'utf8');

/** The April NPG communiqué, with its carried action (ACT-3, from October's ACT-4) closed. */
const CLOSED_LATER = example('2026-04-21-npg').replace(
  '    status: in-progress\n    owner: hct-secretariat\n    due: 2026-07-14\n    carried_from:',
  '    status: done\n    owner: hct-secretariat\n    due: 2026-07-14\n    carried_from:',
);

function npgProject(april = example('2026-04-21-npg')) {
  return project({
    'communique.config.json': JSON.stringify({ files: ['communiques'] }),
    'communiques/2025-10-14-npg.md': example('2025-10-14-npg'),
    'communiques/2026-04-21-npg.md': april,
  });
}

describe('communique actions', () => {
  it('lists every action once, as it stands in the latest communiqué that carries it', async () => {
    const result = await runCli(['actions', '--format', 'json'], npgProject(), { COMMUNIQUE_TODAY: '2026-08-01' });
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as {
      id: string;
      status: string;
      overdue: boolean;
      raised: { communique: string };
      latest: { communique: string };
    }[];
    expect(
      entries.map((entry) => [entry.id, entry.status, entry.overdue, entry.raised.communique, entry.latest.communique]),
    ).toEqual([
      // October's ACT-1 to ACT-3 were carried into April as ACT-4 to ACT-6, and stand there: done, under way, dropped.
      ['ACT-1', 'done', false, 'npg-2025-10-14', 'npg-2026-04-21'],
      ['ACT-2', 'in-progress', false, 'npg-2025-10-14', 'npg-2026-04-21'],
      ['ACT-3', 'dropped', false, 'npg-2025-10-14', 'npg-2026-04-21'],
      // October's ACT-4 was carried into April as ACT-3: one action, raised in October.
      ['ACT-4', 'in-progress', true, 'npg-2025-10-14', 'npg-2026-04-21'],
      ['ACT-1', 'open', false, 'npg-2026-04-21', 'npg-2026-04-21'],
      ['ACT-2', 'open', true, 'npg-2026-04-21', 'npg-2026-04-21'],
    ]);
  });

  it('shows an action closed in a later communiqué as closed, and not overdue', async () => {
    const result = await runCli(['actions', '--format', 'json', '--owner', 'secretariat'], npgProject(CLOSED_LATER), {
      COMMUNIQUE_TODAY: '2026-08-01',
    });
    const entries = JSON.parse(result.stdout) as { id: string; status: string; overdue: boolean }[];
    expect(entries.map((entry) => [entry.id, entry.status, entry.overdue])).toEqual([
      ['ACT-4', 'done', false],
      ['ACT-2', 'open', true],
    ]);
  });

  it('filters by status, owner and group', async () => {
    const cwd = npgProject();
    const ids = async (args: string[]) =>
      (
        JSON.parse(
          (await runCli(['actions', '-f', 'json', ...args], cwd, { COMMUNIQUE_TODAY: '2026-08-01' })).stdout,
        ) as { id: string }[]
      ).map((entry) => entry.id);
    expect(await ids(['--status', 'overdue'])).toEqual(['ACT-4', 'ACT-2']);
    expect(await ids(['--status', 'open'])).toEqual(['ACT-1', 'ACT-2']);
    expect(await ids(['--owner', 'regional health'])).toEqual(['ACT-1']);
    expect(await ids(['--group', 'hspr'])).toEqual([]);
    expect(await ids(['--group', 'npg', '--status', 'done'])).toEqual(['ACT-1']);
  });

  it('prints a table on the terminal and Markdown', async () => {
    const cwd = npgProject();
    const tableOutput = (await runCli(['actions', '--status', 'overdue'], cwd, { COMMUNIQUE_TODAY: '2026-08-01' }))
      .stdout;
    expect(tableOutput.split('\n')[0]).toBe(
      // The Action column is as wide as the longest action shown (ACT-4, 105 characters), Owner as `HCT Secretariat`.
      `Group  ID     ${'Action'.padEnd(105)}  Owner            Due         Status                 Updated     Raised in`,
    );
    expect(tableOutput).toContain('in progress (OVERDUE)');
    expect(tableOutput.endsWith('\n\n2 actions, 2 overdue\n')).toBe(true);
    const markdownOutput = (
      await runCli(['actions', '--status', 'overdue', '-f', 'markdown'], cwd, { COMMUNIQUE_TODAY: '2026-08-01' })
    ).stdout;
    expect(markdownOutput.split('\n').slice(0, 3)).toEqual([
      '| Group | ID | Action | Owner | Due | Status | Updated | Raised in |',
      '|---|---|---|---|---|---|---|---|',
      '| NPG | ACT-4 | Seek views from state and territory governments and HCT town partners on the review of the HCT Framework. | HCT Secretariat | 2026-07-14 | in progress (OVERDUE) | 2026-04-21 | npg-2025-10-14 (2025-10-14) |',
    ]);
  });

  it('reports overdue actions as diagnostics in the validate formats, at their due date', async () => {
    const result = await runCli(['actions', '-f', 'github'], npgProject(), { COMMUNIQUE_TODAY: '2026-08-01' });
    expect(result.stdout.split('\n')[0]).toBe(
      '::warning file=communiques/2026-04-21-npg.md,line=94,col=10,endLine=94,endColumn=20,title=action/overdue::Action `ACT-4` (NPG) was due on 2026-07-14 and is still in progress%0ARecord its progress in the next communiqué: mark it done, set a new due date, or drop it.',
    );
    expect(result.code).toBe(0);
  });

  it('skips a file that is not a communiqué, saying so, and rejects unknown formats and statuses', async () => {
    const cwd = project({ 'a.md': 'no front matter', 'b.md': example('2026-04-21-npg') });
    const result = await runCli(['actions', '.', '-f', 'json'], cwd, { COMMUNIQUE_TODAY: '2026-05-01' });
    expect(result.stderr).toBe(
      'communique: skipping a.md: it is not a valid communiqué\n  hint: Run `communique validate a.md` to see why.\n',
    );
    expect(JSON.parse(result.stdout)).toHaveLength(6);
    expect((await runCli(['actions', '.', '-f', 'csv'], cwd)).stderr).toBe(
      'communique: unknown format `csv`; use one of table, markdown, json, stylish, github, sarif, junit\n',
    );
    expect((await runCli(['actions', '.', '--status', 'late'], cwd)).code).toBe(2);
  });
});
