import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');
const example = (name: string) => readFileSync(join(repo, 'examples', `${name}.md`), 'utf8');

/** The November NLG communiqué, with its carried action (ACT-2, from May's ACT-4) closed. */
const CLOSED_LATER = example('2021-11-16-nlg').replace(
  '    due: 2022-02-15\n    status: in-progress\n    carried_from:',
  '    due: 2022-02-15\n    status: done\n    carried_from:',
);

function nlgProject(november = example('2021-11-16-nlg')) {
  return project({
    'communique.config.json': JSON.stringify({ files: ['communiques'] }),
    'communiques/2021-05-25-nlg.md': example('2021-05-25-nlg'),
    'communiques/2021-11-16-nlg.md': november,
  });
}

describe('communique actions', () => {
  it('lists every action once, as it stands in the latest communiqué that carries it', async () => {
    const result = await runCli(['actions', '--format', 'json'], nlgProject(), { COMMUNIQUE_TODAY: '2022-03-01' });
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
      ['ACT-1', 'open', false, 'nlg-2021-05-25', 'nlg-2021-05-25'],
      ['ACT-2', 'in-progress', false, 'nlg-2021-05-25', 'nlg-2021-05-25'],
      ['ACT-3', 'in-progress', false, 'nlg-2021-05-25', 'nlg-2021-05-25'],
      // May's ACT-4 was carried into November as ACT-2: one action, raised in May.
      ['ACT-4', 'in-progress', true, 'nlg-2021-05-25', 'nlg-2021-11-16'],
      ['ACT-1', 'open', false, 'nlg-2021-11-16', 'nlg-2021-11-16'],
      ['ACT-3', 'open', true, 'nlg-2021-11-16', 'nlg-2021-11-16'],
    ]);
  });

  it('shows an action closed in a later communiqué as closed, and not overdue', async () => {
    const result = await runCli(['actions', '--format', 'json', '--owner', 'secretariat'], nlgProject(CLOSED_LATER), {
      COMMUNIQUE_TODAY: '2022-03-01',
    });
    const entries = JSON.parse(result.stdout) as { id: string; status: string; overdue: boolean }[];
    expect(entries.map((entry) => [entry.id, entry.status, entry.overdue])).toEqual([
      ['ACT-4', 'done', false],
      ['ACT-3', 'open', true],
    ]);
  });

  it('filters by status, owner and group', async () => {
    const cwd = nlgProject();
    const ids = async (args: string[]) =>
      (
        JSON.parse(
          (await runCli(['actions', '-f', 'json', ...args], cwd, { COMMUNIQUE_TODAY: '2022-03-01' })).stdout,
        ) as { id: string }[]
      ).map((entry) => entry.id);
    expect(await ids(['--status', 'overdue'])).toEqual(['ACT-4', 'ACT-3']);
    expect(await ids(['--status', 'open'])).toEqual(['ACT-1', 'ACT-1', 'ACT-3']);
    expect(await ids(['--owner', 'social services'])).toEqual(['ACT-1']);
    expect(await ids(['--group', 'cpr'])).toEqual([]);
    expect(await ids(['--group', 'nlg', '--status', 'done'])).toEqual([]);
  });

  it('prints a table on the terminal and Markdown', async () => {
    const cwd = nlgProject();
    const tableOutput = (await runCli(['actions', '--status', 'overdue'], cwd, { COMMUNIQUE_TODAY: '2022-03-01' }))
      .stdout;
    expect(tableOutput.split('\n')[0]).toBe(
      `Group  ID     ${'Action'.padEnd(90)}  Owner             Due         Status                 Raised in`,
    );
    expect(tableOutput).toContain('in progress (OVERDUE)');
    expect(tableOutput.endsWith('\n\n2 actions, 2 overdue\n')).toBe(true);
    const markdownOutput = (
      await runCli(['actions', '--status', 'overdue', '-f', 'markdown'], cwd, { COMMUNIQUE_TODAY: '2022-03-01' })
    ).stdout;
    expect(markdownOutput.split('\n').slice(0, 3)).toEqual([
      '| Group | ID | Action | Owner | Due | Status | Raised in |',
      '|---|---|---|---|---|---|---|',
      '| NLG | ACT-4 | Seek advice from state and territory and SPSP community partners on the SPSP Model review. | SPSP Secretariat | 2022-02-15 | in progress (OVERDUE) | nlg-2021-05-25 (2021-05-25) |',
    ]);
  });

  it('reports overdue actions as diagnostics in the validate formats, at their due date', async () => {
    const result = await runCli(['actions', '-f', 'github'], nlgProject(), { COMMUNIQUE_TODAY: '2022-03-01' });
    expect(result.stdout.split('\n')[0]).toBe(
      '::warning file=communiques/2021-11-16-nlg.md,line=88,col=10,endLine=88,endColumn=20,title=action/overdue::Action `ACT-4` (NLG) was due on 2022-02-15 and is still in progress%0ARecord its progress in the next communiqué: mark it done, set a new due date, or drop it.',
    );
    expect(result.code).toBe(0);
  });

  it('skips a file that is not a communiqué, saying so, and rejects unknown formats and statuses', async () => {
    const cwd = project({ 'a.md': 'no front matter', 'b.md': example('2021-11-16-nlg') });
    const result = await runCli(['actions', '.', '-f', 'json'], cwd, { COMMUNIQUE_TODAY: '2021-12-01' });
    expect(result.stderr).toBe(
      'communique: skipping a.md: it is not a valid communiqué\n  hint: Run `communique validate a.md` to see why.\n',
    );
    expect(JSON.parse(result.stdout)).toHaveLength(3);
    expect((await runCli(['actions', '.', '-f', 'csv'], cwd)).stderr).toBe(
      'communique: unknown format `csv`; use one of table, markdown, json, stylish, github, sarif, junit\n',
    );
    expect((await runCli(['actions', '.', '--status', 'late'], cwd)).code).toBe(2);
  });
});
