import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { VALID_DRAFT } from './support/documents.js';
import { project, runCli } from './support/io.js';

const repo = resolve(import.meta.dirname, '..');
const examples = ['2025-05-14-hspr', '2025-10-14-npg', '2026-04-21-npg'];

function elements(tree: HastRoot | Element, name?: string): Element[] {
  const found: Element[] = [];
  const visit = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (!name || child.tagName === name) found.push(child);
      visit(child);
    }
  };
  visit(tree);
  return found;
}

function text(node: Element | HastRoot): string {
  return node.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : ''))
    .join('');
}

async function renderExample(example: string, to: string) {
  const cwd = project({ [`${example}.md`]: readFileSync(join(repo, 'examples', `${example}.md`)) });
  const result = await runCli(['render', `${example}.md`, '--to', to, '--out', 'out'], cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { cwd, path: join(cwd, 'out', `${example}${to === 'md' ? '.pandoc.md' : `.${to}`}`) };
}

describe('HTML', () => {
  for (const example of examples) {
    it(`renders ${example} as one accessible, self-contained page`, async () => {
      const { path } = await renderExample(example, 'html');
      const html = readFileSync(path, 'utf8');
      const tree = fromHtml(html);
      const [root] = elements(tree, 'html');
      expect(root?.properties.lang).toBe('en-AU');
      expect(elements(tree, 'h1')).toHaveLength(1);
      const levels = elements(tree)
        .filter((element) => /^h[1-6]$/.test(element.tagName))
        .map((element) => Number(element.tagName[1]));
      levels.forEach((level, index) => {
        if (index > 0) expect(level).toBeLessThanOrEqual(levels[index - 1]! + 1);
      });
      for (const landmark of ['header', 'main', 'footer']) expect(elements(tree, landmark)).toHaveLength(1);
      for (const table of elements(tree, 'table')) {
        expect(elements(table, 'caption')).toHaveLength(1);
        const header = elements(table, 'thead')[0]!;
        expect(elements(header, 'th').length).toBeGreaterThan(0);
        for (const th of elements(header, 'th')) expect(th.properties.scope).toBe('col');
      }
      // Nothing the page would fetch: no scripts, no external stylesheets or images.
      expect(elements(tree, 'script')).toHaveLength(0);
      // The only link element names the Dublin Core vocabulary of the metadata; nothing is fetched.
      expect(elements(tree, 'link').map((link) => link.properties.rel)).toEqual([['schema.DCTERMS']]);
      for (const image of elements(tree, 'img')) expect(String(image.properties.src)).toMatch(/^data:/);
      const draftNotice = html.includes('DRAFT — NOT FOR PUBLICATION');
      expect(draftNotice).toBe(example === '2025-05-14-hspr');
    });
  }

  it('shows the meeting facts as the header, formatted for the document language', async () => {
    const { path } = await renderExample('2026-04-21-npg', 'html');
    const tree = fromHtml(readFileSync(path, 'utf8'));
    const facts = elements(elements(tree, 'header')[0]!, 'dl')[0]!;
    const pairs = elements(facts, 'dt').map((dt, index) => [text(dt), text(elements(facts, 'dd')[index]!)]);
    expect(pairs).toEqual([
      ['Group', 'Healthy Country Towns National Partnership Group (NPG)'],
      ['Meeting', '3'],
      ['Date', '21 April 2026'],
      ['Time', '9:30\u202fam – 12:30\u202fpm AEST'],
      ['Where', 'Online'],
      ['Co-chairs', 'Town Partners Co-chair and Australian Government Co-chair'],
    ]);
  });

  it('escapes front matter values and sanitises the body', async () => {
    const hostile = VALID_DRAFT.replace(
      'title: Community Partnerships Roundtable Communiqué',
      'title: "<script>alert(1)</script> & <b>bold</b>"',
    ).replace(
      'The Roundtable endorsed its Terms of Reference.',
      'The Roundtable endorsed its Terms of Reference.\n\n<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n[click](javascript:alert(4)) and [safe](https://example.org/).',
    );
    const cwd = project({ 'hostile.md': hostile });
    expect((await runCli(['render', 'hostile.md', '--to', 'html', '--out', 'out'], cwd)).code).toBe(0);
    const html = readFileSync(join(cwd, 'out/hostile.html'), 'utf8');
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</h1>');
    expect(html).not.toMatch(/<script>alert|onerror|javascript:/);
    const links = elements(fromHtml(html), 'a').map((anchor) => anchor.properties.href);
    expect(links).toContain('https://example.org/');
  });
});

describe('DOCX-ready Markdown', () => {
  it('has a quoted metadata block, pipe tables with captions, custom styles and no raw HTML', async () => {
    const { path } = await renderExample('2025-05-14-hspr', 'md');
    const markdown = readFileSync(path, 'utf8');
    // A draft: the notice comes first, then the title (so no title block in the metadata ahead of it).
    expect(
      markdown.startsWith(
        '---\nlang: "en-AU"\n---\n\n::: {custom-style="Draft Notice"}\nDRAFT — NOT FOR PUBLICATION (status: in review)\n:::\n\n::: {custom-style="Title"}\nHuman Services Partnership Roundtable Communiqué\n:::\n',
      ),
    ).toBe(true);
    expect(markdown).toContain('::: {custom-style="Meeting Facts"}');
    expect(markdown).toContain('| Action | Owner | Due | Status |');
    // Topics are Heading 1 under the Title.
    expect(markdown).toContain('\n# Attendance\n');
    expect(markdown).toContain('Table: Actions arising from the meeting');
    // Autolinks (`<https://…>`, `<name@example.org>`) are Markdown; anything else in angle brackets would be HTML.
    expect(markdown).not.toMatch(/<(?!https?:\/\/|[^\s<>@]+@[^\s<>]+>)[a-z!/]/i);
  });

  it('refuses a local image outside the project', async () => {
    const cwd = project({ 'doc.md': `${VALID_DRAFT}\n![Secret](/etc/hostname)\n` });
    const result = await runCli(['render', 'doc.md', '--to', 'md', '--out', 'out'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'doc.md:28:1  error    The image `/etc/hostname` is outside the project  render/image-outside-project',
    );
    expect(existsSync(join(cwd, 'out/doc.pandoc.md'))).toBe(false);
  });
});

describe('plain text', () => {
  it('wraps at 72 columns', async () => {
    const { path } = await renderExample('2026-04-21-npg', 'txt');
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const line of lines) if (line.length > 72) expect(line).not.toContain(' ');
  });
});

const INTERNAL = `---
schema_version: 1
title: Community Partnerships Roundtable Communiqué
status: published
published: 2021-05-20
approval:
  by: Co-chairs
  date: 2021-05-19
meeting:
  group:
    name: Community Partnerships Roundtable
  date: 2021-05-05
  mode: in-person
  place: Perth
  chair: michelle-andrews
attendees:
  - id: michelle-andrews
    name: Michelle Andrews
  - id: secret-observer
    name: Zebedee Secretobserver
    kind: observer
    internal: true
agreements:
  - id: AGR-1
    verb: endorsed
    text: the Terms of Reference
  - id: AGR-2
    verb: noted
    text: the confidential budget position XYZZY-AGREEMENT
    internal: true
actions:
  - id: ACT-1
    text: Publish the Terms of Reference.
    owner: michelle-andrews
    status: open
  - id: ACT-2
    text: Brief the Minister on XYZZY-ACTION.
    owner: michelle-andrews
    status: open
    internal: true
internal_notes: XYZZY-NOTES for the secretariat only.
---

## Terms of Reference

The Roundtable endorsed its Terms of Reference.

<!-- internal -->
## Budget

XYZZY-SECTION figures that must not be published.

## Next steps

Members will meet again in September.
`;

describe('internal content', () => {
  it('never reaches a public export, in any format', async () => {
    const cwd = project({ 'communiques/cpr.md': INTERNAL });
    const result = await runCli(['export', 'communiques', '--out', 'public'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const file of ['cpr.html', 'cpr.pandoc.md', 'cpr.txt']) {
      const content = readFileSync(join(cwd, 'public', file), 'utf8');
      expect(content).not.toMatch(/XYZZY|Secretobserver|Budget/);
      expect(content).toContain('Next steps');
    }
    const docx = await JSZip.loadAsync(readFileSync(join(cwd, 'public/cpr.docx')));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).not.toMatch(/XYZZY|Secretobserver|Budget/);
    expect(xml).toContain('Next steps');
  });

  it('is kept, marked, only when a render asks for it', async () => {
    const cwd = project({ 'cpr.md': INTERNAL });
    expect((await runCli(['render', 'cpr.md', '--to', 'html', '--out', 'out'], cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, 'out/cpr.html'), 'utf8')).not.toContain('XYZZY');
    expect(
      (await runCli(['render', 'cpr.md', '--to', 'html', '--out', 'internal', '--include-internal'], cwd)).code,
    ).toBe(0);
    const html = readFileSync(join(cwd, 'internal/cpr.html'), 'utf8');
    for (const marker of ['XYZZY-AGREEMENT', 'XYZZY-ACTION', 'XYZZY-NOTES', 'XYZZY-SECTION'])
      expect(html).toContain(marker);
    expect(html).toContain('<h2 id="internal-notes">Internal notes</h2>');
  });
});

describe('export', () => {
  it('writes every format with a manifest of content hashes, and leaves out documents not yet approved', async () => {
    const cwd = project({
      'communique.config.json': JSON.stringify({ files: ['communiques'], export: { out: 'site' } }),
      'communiques/2026-04-21-npg.md': readFileSync(join(repo, 'examples/2026-04-21-npg.md')),
      'communiques/2025-05-14-hspr.md': readFileSync(join(repo, 'examples/2025-05-14-hspr.md')),
    });
    const result = await runCli(['export'], cwd);
    expect(result.code).toBe(0);
    // The Roundtable communiqué is still in review: not approved, so left out, with a line to say so.
    expect(result.stderr).toBe(
      'communique: leaving out communiques/2025-05-14-hspr.md: it is in review, not yet approved\n' +
        '  hint: Approve it (status `approved` with `approval`) when it is ready, or export with --strict to check it now.\n',
    );
    expect(result.stdout).toBe(`Exported 1 of 2 communiqués to 7 files in ${join(cwd, 'site')}\n`);
    const manifest = JSON.parse(readFileSync(join(cwd, 'site/manifest.json'), 'utf8'));
    expect(manifest.generator).toMatch(/^communique \d/);
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual([
      '2026-04-21-npg.docx',
      '2026-04-21-npg.html',
      '2026-04-21-npg.pandoc.md',
      '2026-04-21-npg.txt',
      'feed.xml',
      'index.html',
      'reference.docx',
    ]);
    for (const file of manifest.files) {
      const content = readFileSync(join(cwd, 'site', file.path));
      expect(file.bytes).toBe(content.length);
      expect(file.source).toBe(file.path.startsWith('2026') ? 'communiques/2026-04-21-npg.md' : 'communique export');
      const { createHash } = await import('node:crypto');
      expect(file.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    }
  });

  it('gives byte-identical output on every run', async () => {
    const cwd = project({ 'npg.md': readFileSync(join(repo, 'examples/2026-04-21-npg.md')) });
    expect((await runCli(['export', 'npg.md', '--out', 'a'], cwd)).code).toBe(0);
    await new Promise((done) => setTimeout(done, 1100)); // a second later: no clock may leak in
    expect((await runCli(['export', 'npg.md', '--out', 'b'], cwd)).code).toBe(0);
    for (const file of [
      'npg.html',
      'npg.pandoc.md',
      'npg.txt',
      'npg.docx',
      'index.html',
      'feed.xml',
      'reference.docx',
      'manifest.json',
    ]) {
      expect(readFileSync(join(cwd, 'b', file)).equals(readFileSync(join(cwd, 'a', file))), file).toBe(true);
    }
  });
});

describe('dates in Word files', () => {
  it('come from the document, or from SOURCE_DATE_EPOCH when it is set, never from the clock', async () => {
    const cwd = project({ 'npg.md': readFileSync(join(repo, 'examples/2026-04-21-npg.md')) });
    const coreXml = async (env: Record<string, string>, out: string) => {
      expect((await runCli(['render', 'npg.md', '--to', 'docx', '--out', out], cwd, env)).code).toBe(0);
      return (await JSZip.loadAsync(readFileSync(join(cwd, out, 'npg.docx'))))
        .file('docProps/core.xml')!
        .async('string');
    };
    expect(await coreXml({}, 'a')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-05-01T00:00:00Z</dcterms:created>',
    );
    expect(await coreXml({ SOURCE_DATE_EPOCH: '1700000000' }, 'b')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>',
    );
  });
});

describe('writing files safely', () => {
  it('never replaces a file communique did not write, or one changed since, without --force', async () => {
    const cwd = project({ 'doc.md': VALID_DRAFT, 'out/doc.html': '<p>my own page</p>' });
    const refused = await runCli(['render', 'doc.md', '--to', 'html', '--out', 'out'], cwd);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `communique: not writing ${join(cwd, 'out/doc.html')}: it exists and communique did not write it\n  hint: Use --force to replace it, or choose another --out.\n`,
    });
    expect(readFileSync(join(cwd, 'out/doc.html'), 'utf8')).toBe('<p>my own page</p>');
    // What was written beside it while rendering went again.
    expect(readdirSync(join(cwd, 'out'))).toEqual(['doc.html']);
    expect((await runCli(['render', 'doc.md', '--to', 'html', '--out', 'out', '--force'], cwd)).code).toBe(0);
    // Written by communique now: a re-render replaces it without asking.
    expect((await runCli(['render', 'doc.md', '--to', 'html', '--out', 'out'], cwd)).code).toBe(0);
    writeFileSync(join(cwd, 'out/doc.html'), 'edited by hand');
    const changed = await runCli(['render', 'doc.md', '--to', 'html', '--out', 'out'], cwd);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('it has been changed since communique wrote it');
    expect(readFileSync(join(cwd, 'out/doc.html'), 'utf8')).toBe('edited by hand');
  });

  it('leaves no temporary files behind', async () => {
    const cwd = project({ 'doc.md': VALID_DRAFT });
    expect((await runCli(['render', 'doc.md', '--to', 'txt', '--out', 'out'], cwd)).code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['doc.txt', 'manifest.json']);
  });

  it('makes no folder for a run that writes nothing', async () => {
    const cwd = project({ 'a/doc.md': VALID_DRAFT, 'b/doc.md': VALID_DRAFT });
    const result = await runCli(['render', 'a/doc.md', 'b/doc.md', '--to', 'html', '--out', 'new/pages'], cwd);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `communique: a/doc.md and b/doc.md would both be written to ${join(cwd, 'new/pages/doc.html')}; use two folders\n`,
    });
    expect(existsSync(join(cwd, 'new'))).toBe(false);
  });
});

describe('templates', () => {
  it('can be overridden by name from the project, and picked with --template', async () => {
    const cwd = project({
      'communique.config.json': JSON.stringify({ templates: 'my-templates' }),
      'my-templates/default/communique.txt.hbs': 'Overridden: {{title}}\n',
      'my-templates/brief/communique.txt.hbs': 'Brief: {{title}} ({{meeting.date}})\n',
      'doc.md': VALID_DRAFT,
    });
    expect((await runCli(['render', 'doc.md', '--to', 'txt', '--stdout'], cwd)).stdout).toBe(
      'Overridden: Community Partnerships Roundtable Communiqué\n',
    );
    expect((await runCli(['render', 'doc.md', '--to', 'txt', '--stdout', '--template', 'brief'], cwd)).stdout).toBe(
      'Brief: Community Partnerships Roundtable Communiqué (5 May 2021)\n',
    );
  });

  it('that are missing are named with the ones there are', async () => {
    const cwd = project({ 'doc.md': VALID_DRAFT });
    const result = await runCli(['render', 'doc.md', '--to', 'html', '--template', 'fancy', '--stdout'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'communique: there is no html template named `fancy`; the html templates are: `default`\n',
    );
  });

  it('that are broken are reported at the line in the template', async () => {
    const cwd = project({
      'communique.config.json': JSON.stringify({ templates: 't' }),
      't/default/communique.html.hbs': '<h1>{{title}}</h1>\n{{#if draft}}\n<p>{{nonsense}}</p>\n{{/if}}\n',
      't/default/communique.txt.hbs': '{{title}}\n{{#each agreements}}\n',
      'doc.md': VALID_DRAFT,
    });
    const missingField = await runCli(['render', 'doc.md', '--to', 'html', '--stdout'], cwd);
    expect(missingField.code).toBe(2);
    expect(missingField.stderr).toContain(
      `${join(cwd, 't/default/communique.html.hbs')}:3:6  error    The template uses \`nonsense\`, which this communiqué does not have  render/template-broken`,
    );
    const syntax = await runCli(['render', 'doc.md', '--to', 'txt', '--stdout'], cwd);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toContain('render/template-broken');
    expect(syntax.stderr).toContain('The template is not valid Handlebars');
  });
});

describe("punctuation in the document's script", () => {
  const document = (lang: string) =>
    VALID_DRAFT.replace('status: draft', `status: draft\nlang: ${lang}`)
      .replace(
        '    name: Community Partnerships Roundtable',
        '    name: Community Partnerships Roundtable\n    short_name: CPR',
      )
      .replace(
        '    organisation: Department of Communities',
        '    role: Director\n    organisation: Department of Communities\n    attendance: remote',
      );

  it('writes full-width colons, commas, semicolons and brackets in Chinese, and a no-break space before a French colon', async () => {
    const cwd = project({ 'zh.md': document('zh-CN'), 'fr.md': document('fr') });
    const text = async (file: string) => (await runCli(['render', file, '--to', 'txt', '--stdout'], cwd)).stdout;
    const zh = await text('zh.md');
    expect(zh).toContain('Community Partnerships Roundtable（CPR）');
    expect(zh).toContain('- Michelle Andrews — Director，Department of Communities；');
    expect(zh).toMatch(/^[^\n:]+：\s+Community Partnerships Roundtable（CPR）$/m);
    const fr = await text('fr.md');
    expect(fr).toMatch(/^Groupe\u00a0:\s+Community Partnerships Roundtable \(CPR\)$/m);
    const html = (await runCli(['render', 'zh.md', '--to', 'html', '--stdout'], cwd)).stdout;
    expect(html).toContain('Director，Department of Communities；<span class="took-part">');
    const markdown = (await runCli(['render', 'zh.md', '--to', 'md', '--stdout'], cwd)).stdout;
    expect(markdown).toMatch(/\*\*[^*]+：\*\* Community Partnerships Roundtable（CPR）/);
  });
});
