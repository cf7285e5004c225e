import { describe, expect, it } from 'vitest';
import { project, runCli } from './support/io.js';

/**
 * The checks across communiqués, as `validate` reports them when it checks a folder: each
 * problem in the file that must change, at the place to change. A fictional Tidewater
 * Councils Forum (TCF) meets three times.
 */
interface Meeting {
  id?: string;
  date: string;
  number?: number;
  status?: string;
  actions?: string;
}

function communique({ id, date, number, status = 'draft', actions = '' }: Meeting): string {
  const lifecycle = status === 'draft' || status === 'review' ? '' : `approval:\n  by: Forum chair\n  date: ${date}\n`;
  const published = status === 'published' ? `published: ${date}\n` : '';
  return `---
schema_version: 1
${id ? `id: ${id}\n` : ''}title: Tidewater Councils Forum Communiqué
status: ${status}
${lifecycle}${published}meeting:
  group:
    name: Tidewater Councils Forum
    short_name: TCF
${number === undefined ? '' : `  number: ${number}\n`}  date: ${date}
  mode: virtual
  chair_note: The Forum's convenor
${actions}---

The Forum met online.
`;
}

const FIRST = communique({
  id: 'tcf-2026-02-10',
  date: '2026-02-10',
  number: 1,
  status: 'published',
  actions: `actions:
  - id: ACT-1
    text: Map the flood-warning sirens.
    owner: TCF
    status: open
  - id: ACT-2
    text: Draft a shared tide-gauge budget.
    owner: TCF
    status: done
`,
});

type Json = {
  file: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number }[];
}[];

async function check(files: Record<string, string>, config?: object) {
  const cwd = project({ ...files, ...(config ? { 'communique.config.json': JSON.stringify(config) } : {}) });
  const result = await runCli(['validate', 'communiques', '-f', 'json'], cwd);
  const findings = (JSON.parse(result.stdout) as Json).flatMap((entry) =>
    entry.messages.map(({ ruleId, severity, message, line, column }) => ({
      file: entry.file,
      ruleId,
      severity,
      message,
      line,
      column,
    })),
  );
  return { code: result.code, findings };
}

describe('checks across communiqués', () => {
  it('find nothing wrong with a group whose actions are carried and closed', async () => {
    const second = communique({
      id: 'tcf-2026-05-12',
      date: '2026-05-12',
      number: 2,
      status: 'approved',
      actions: `actions:
  - id: ACT-1
    text: Map the flood-warning sirens.
    owner: TCF
    status: done
    carried_from: { communique: tcf-2026-02-10, action: ACT-1 }
`,
    });
    const result = await check({ 'communiques/a.md': FIRST, 'communiques/b.md': second });
    expect(result).toEqual({ code: 0, findings: [] });
  });

  it('report a carried_from that names a communiqué or an action that does not exist', async () => {
    const second = communique({
      id: 'tcf-2026-05-12',
      date: '2026-05-12',
      number: 2,
      actions: `actions:
  - id: ACT-1
    text: Map the flood-warning sirens.
    owner: TCF
    status: open
    carried_from: { communique: tcf-2026-02-11, action: ACT-1 }
  - id: ACT-2
    text: Draft a shared tide-gauge budget.
    owner: TCF
    status: open
    carried_from: { communique: tcf-2026-02-10, action: ACT-9 }
`,
    });
    const { findings } = await check({ 'communiques/a.md': FIRST, 'communiques/b.md': second });
    expect(findings).toEqual([
      {
        file: 'communiques/b.md',
        ruleId: 'across/carried-from-unknown',
        severity: 'error',
        message: 'Action `ACT-1` is carried from `tcf-2026-02-11`, which is not among the communiqués checked',
        line: 19,
        column: 19,
      },
      {
        file: 'communiques/b.md',
        ruleId: 'across/carried-from-unknown',
        severity: 'error',
        message: 'Action `ACT-2` is carried from action `ACT-9` of `tcf-2026-02-10`, which has no such action',
        line: 24,
        column: 19,
      },
    ]);
  });

  it('report an open action the next approved communiqué neither carries nor closes, there (at `meeting`, having no actions)', async () => {
    const second = communique({ id: 'tcf-2026-05-12', date: '2026-05-12', number: 2, status: 'approved', actions: '' });
    const { code, findings } = await check({ 'communiques/a.md': FIRST, 'communiques/b.md': second });
    expect(code).toBe(1);
    expect(findings).toEqual([
      {
        file: 'communiques/b.md',
        ruleId: 'across/action-vanished',
        severity: 'error',
        message:
          'Action `ACT-1` of `tcf-2026-02-10` was open and this communiqué does not carry it forward or close it',
        line: 9,
        column: 1,
      },
    ]);
  });

  it('wait for the next communiqué to be approved before asking for the open actions', async () => {
    const draft = communique({ id: 'tcf-2026-05-12', date: '2026-05-12', number: 2, status: 'draft', actions: '' });
    expect((await check({ 'communiques/a.md': FIRST, 'communiques/b.md': draft })).findings).toEqual([]);
  });

  it('warn when an action is carried from a communiqué that is not yet approved', async () => {
    const first = FIRST.replace('status: published', 'status: review').replace(
      /approval:[\s\S]*?published: 2026-02-10\n/,
      '',
    );
    const second = communique({
      id: 'tcf-2026-05-12',
      date: '2026-05-12',
      number: 2,
      actions: `actions:
  - id: ACT-1
    text: Map the flood-warning sirens.
    owner: TCF
    status: open
    carried_from: { communique: tcf-2026-02-10, action: ACT-1 }
`,
    });
    const { code, findings } = await check({ 'communiques/a.md': first, 'communiques/b.md': second });
    expect(code).toBe(0);
    expect(findings).toEqual([
      {
        file: 'communiques/b.md',
        ruleId: 'across/carried-from-unapproved',
        severity: 'warning',
        message: 'Action `ACT-1` is carried from `tcf-2026-02-10`, which is still a review',
        line: 19,
        column: 19,
      },
    ]);
  });

  it('report the same id twice, two communiqués for one date, and numbers out of order', async () => {
    const again = communique({ id: 'tcf-2026-02-10', date: '2026-02-10', number: 1 });
    const third = communique({ id: 'tcf-2026-08-18', date: '2026-08-18', number: 1 });
    const { findings } = await check({
      'communiques/a.md': FIRST,
      'communiques/b.md': again,
      'communiques/c.md': third,
    });
    expect(findings).toEqual([
      {
        file: 'communiques/b.md',
        ruleId: 'across/duplicate-id',
        severity: 'error',
        message: 'The id `tcf-2026-02-10` is also the id of communiques/a.md',
        line: 3,
        column: 5,
      },
      {
        file: 'communiques/b.md',
        ruleId: 'across/number-sequence',
        severity: 'error',
        message: 'This meeting is number 1, but communiques/a.md, an earlier meeting of the group, is number 1',
        line: 10,
        column: 11,
      },
      {
        file: 'communiques/b.md',
        ruleId: 'across/same-date',
        severity: 'error',
        message: 'communiques/a.md is also a communiqué of this group for 2026-02-10',
        line: 11,
        column: 9,
      },
      {
        file: 'communiques/c.md',
        ruleId: 'across/number-sequence',
        severity: 'error',
        message: 'This meeting is number 1, but communiques/b.md, an earlier meeting of the group, is number 1',
        line: 10,
        column: 11,
      },
    ]);
  });

  it('follow the configured severities, and stay quiet for a single file', async () => {
    const again = communique({ id: 'tcf-2026-02-10', date: '2026-02-10' });
    const files = { 'communiques/a.md': FIRST, 'communiques/b.md': again };
    const { findings } = await check(files, { rules: { 'across/same-date': 'warning', 'across/duplicate-id': 'off' } });
    expect(findings.map(({ ruleId, severity }) => `${ruleId} ${severity}`)).toEqual(['across/same-date warning']);
    const cwd = project(files);
    expect((await runCli(['validate', 'communiques/b.md'], cwd)).code).toBe(0);
  });
});
