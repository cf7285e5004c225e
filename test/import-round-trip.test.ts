import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommunique } from '../src/core/parse/communique.js';
import { importSource } from '../src/import/import.js';
import { project, runCli } from './support/io.js';
import { CHROMIUM, requireTool, runs } from './support/tools.js';
import { compareFacts, roundTripFacts } from './support/facts.js';
import { temporaryFolder } from './support/temporary.js';

/**
 * Our own renderings come back whole: every example is rendered by the CLI to Word, the web
 * page, plain text and PDF, then imported, and the facts — the meeting's date, group, mode,
 * place and chairs, each attendee with their attendance, each agreement with its verb, each
 * action with its due date, the next meeting — are compared with the example's. Word and the
 * web page must give back all of them, text and PDF at least 95%.
 *
 * PDFs are printed by Chromium (`render --to pdf`) and made by LibreOffice from our Word
 * file. In CI a missing tool is a failure; on a developer's machine its tests are skipped
 * with a message saying what to install.
 */
const repo = resolve(import.meta.dirname, '..');
const examples = ['2025-05-14-hspr', '2025-10-14-npg', '2026-04-21-npg'];
const haveChromium = requireTool(Boolean(CHROMIUM), 'Chromium', 'apt-get install chromium');
const haveLibreOffice = requireTool(
  runs('soffice', ['--version']),
  'LibreOffice',
  'apt-get install libreoffice-writer-nogui',
);

type Format = 'docx' | 'html' | 'txt' | 'pdf';

/**
 * The examples rendered by the CLI, once per format, kept for the whole file (test folders
 * are removed after each test, so the renderings are copied out of theirs).
 */
const kept = mkdtempSync(join(tmpdir(), 'communique-round-trip-'));
afterAll(() => rmSync(kept, { recursive: true, force: true }));
const renderings = new Map<Format, string>();
async function render(to: Format): Promise<string> {
  const done = renderings.get(to);
  if (done) return done;
  const files: Record<string, Uint8Array> = {};
  for (const example of examples) files[`${example}.md`] = readFileSync(join(repo, 'examples', `${example}.md`));
  const cwd = project(files);
  const result = await runCli(['render', '.', '--to', to, '--out', 'out'], cwd);
  expect(result.code, result.stderr).toBe(0);
  const folder = join(kept, to);
  mkdirSync(folder, { recursive: true });
  cpSync(join(cwd, 'out'), folder, { recursive: true });
  renderings.set(to, folder);
  return folder;
}

async function factsBack(path: string, extension: string) {
  const outcome = await importSource(new Uint8Array(readFileSync(path)), extension, { sourceName: path });
  if (!outcome.ok) throw new Error(`${path}: ${outcome.reason}`);
  expect(outcome.result.verdict.communique).toBe(true);
  return roundTripFacts(parseCommunique(outcome.result.text).data as Record<string, unknown>);
}

const original = (example: string) =>
  roundTripFacts(parseCommunique(readFileSync(join(repo, 'examples', `${example}.md`), 'utf8')).data as never);

describe('our own renderings come back whole', () => {
  const formats: [Format, number, boolean][] = [
    ['docx', 1, true],
    ['html', 1, true],
    ['txt', 0.95, true],
    ['pdf', 0.95, haveChromium],
  ];
  for (const [format, share, available] of formats) {
    describe.runIf(available)(`from ${format}`, () => {
      it.each(examples)(`%s gives back ${share * 100}% of its facts or more`, async (example) => {
        const folder = await render(format);
        const { kept, total, missing } = compareFacts(
          original(example),
          await factsBack(join(folder, `${example}.${format}`), `.${format}`),
        );
        expect(total).toBeGreaterThan(10);
        expect(kept / total, `missing: ${missing.join(' | ')}`).toBeGreaterThanOrEqual(share);
        if (share === 1) expect(missing).toEqual([]);
      });
    });
  }

  it.runIf(haveChromium)(
    'through the CLI: a folder of our renderings imports into drafts named by new.path',
    async () => {
      const cwd = project({});
      const folder = await render('html');
      const pdfs = await render('pdf');
      for (const example of examples) {
        writeFileSync(join(cwd, `${example}.html`), readFileSync(join(folder, `${example}.html`)));
        writeFileSync(join(cwd, `${example}.pdf`), readFileSync(join(pdfs, `${example}.pdf`)));
      }
      const result = await runCli(['import', '.', '--out', 'drafts'], cwd);
      expect(result.stderr).toContain('already exists and is never overwritten');
      // Each meeting once: the PDF of a meeting already imported from its web page is refused, not written over.
      expect(readdirSync(join(cwd, 'drafts')).sort()).toEqual([
        '2025-05-14-human-services-partnership-roundtable.md',
        '2025-10-14-npg.md',
        '2026-04-21-npg.md',
      ]);
    },
  );
});

describe.runIf(haveChromium && haveLibreOffice)('PDFs made here', () => {
  it('a PDF LibreOffice made from our Word file reads back its meeting, people, decisions and actions', async () => {
    const folder = await render('docx');
    const out = temporaryFolder();
    const profile = temporaryFolder('communique-lo-');
    const converted = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        join(folder, '2026-04-21-npg.docx'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(converted.status, converted.stderr).toBe(0);
    const { kept, total, missing } = compareFacts(
      original('2026-04-21-npg'),
      await factsBack(join(out, '2026-04-21-npg.pdf'), '.pdf'),
    );
    expect(kept / total, `missing: ${missing.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('a PDF Chromium printed from a web page of our own, and one LibreOffice made from a plain-text communiqué, in the development set', async () => {
    for (const [name, expected] of [
      [
        'd61-pacific-health-chromium.pdf',
        { start: '2019-08-12', end: '2019-08-14', place: 'Rarotonga', chair: 'rosa-tokiau-brown' },
      ],
      ['d62-darling-downs-libreoffice.pdf', { date: '2021-08-17', place: 'Toowoomba', chair: 'howard-pike' }],
    ] as const) {
      const outcome = await importSource(new Uint8Array(readFileSync(join(repo, 'test/import-dev', name))), '.pdf', {
        sourceName: name,
      });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      const meeting = (parseCommunique(outcome.result.text).data as { meeting: Record<string, unknown> }).meeting;
      expect(meeting).toMatchObject(expected);
      expect(outcome.result.words.kept).toBe(outcome.result.words.source);
    }
  });
});
