import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './support/io.js';

/**
 * `export` is the publication step of a repository that always holds next meeting's
 * draft: it publishes what is approved, leaves drafts out with a line each, and refuses
 * only what claims to be ready and is not.
 */
function communique(date: string, status: string, extra = ''): string {
  const approval =
    status === 'approved' || status === 'published' ? `approval:\n  by: Harbour Board chair\n  date: ${date}\n` : '';
  const published = status === 'published' ? `published: ${date}\n` : '';
  return `---
schema_version: 1
id: hb-${date}
title: Harbour Board Communiqué
status: ${status}
${approval}${published}meeting:
  group:
    name: Harbour Board
    short_name: HB
  date: ${date}
  mode: virtual
  chair: rosa-tan
attendees:
  - id: rosa-tan
    name: Rosa Tan
${extra}---

The Board met online to review the dredging program.
`;
}

describe('communique export beside drafts', () => {
  it('publishes the approved communiqué, leaves the draft out with one line, and exits 0', async () => {
    const cwd = project({
      'communiques/2026-03-03-hb.md': communique('2026-03-03', 'published'),
      'communiques/2026-06-02-hb.md': communique('2026-06-02', 'draft'),
      'communiques/2026-09-01-hb.md': communique('2026-09-01', 'review'),
    });
    const result = await runCli(['export', 'communiques', '--out', 'public'], cwd);
    expect(result).toEqual({
      code: 0,
      stdout: `Exported 1 of 3 communiqués to 7 files in ${join(cwd, 'public')}\n`,
      stderr:
        'communique: leaving out communiques/2026-06-02-hb.md: it is a draft, not yet approved\n' +
        '  hint: Approve it (status `approved` with `approval`) when it is ready, or export with --strict to check it now.\n' +
        'communique: leaving out communiques/2026-09-01-hb.md: it is in review, not yet approved\n' +
        '  hint: Approve it (status `approved` with `approval`) when it is ready, or export with --strict to check it now.\n',
    });
    expect(readdirSync(join(cwd, 'public')).sort()).toEqual([
      '2026-03-03-hb.docx',
      '2026-03-03-hb.html',
      '2026-03-03-hb.pandoc.md',
      '2026-03-03-hb.txt',
      'feed.xml',
      'index.html',
      'manifest.json',
      'reference.docx',
    ]);
  });

  it('refuses a communiqué that claims to be ready and is not, and exits 1', async () => {
    // Approved, but with no publication date: not ready to publish.
    const cwd = project({ 'communiques/2026-03-03-hb.md': communique('2026-03-03', 'approved') });
    const result = await runCli(['export', 'communiques', '--out', 'public'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('communiques/2026-03-03-hb.md:');
    expect(result.stderr).toContain('lifecycle/publication-date-missing');
    expect(result.stdout).toBe('Exported none of 1 communiqué\n');
    expect(existsSync(join(cwd, 'public'))).toBe(false);
  });

  it('with --strict, refuses drafts too', async () => {
    const cwd = project({
      'communiques/2026-03-03-hb.md': communique('2026-03-03', 'published'),
      'communiques/2026-06-02-hb.md': communique('2026-06-02', 'draft'),
    });
    const result = await runCli(['export', 'communiques', '--out', 'public', '--strict'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'communiques/2026-06-02-hb.md:5:9  error    The communiqué is checked at the `published` stage but does not record who approved it  lifecycle/approval-missing',
    );
    expect(result.stdout).toBe(`Exported 1 of 2 communiqués to 7 files in ${join(cwd, 'public')}\n`);
  });
});
