import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { VALID_DRAFT } from './support/documents.js';
import { project, runCli } from './support/io.js';

/**
 * The render side of the hardening issue: every image form is checked (inline and by
 * reference), no renderer writes a remote image where it would be fetched, no `href`
 * other than https:, http:, mailto: and `#…` reaches any output, a broken escape in an
 * image address is reported on its file while the others render, and terminal control
 * sequences never reach the terminal.
 */
const withBody = (body: string, front = (text: string) => text) => `${front(VALID_DRAFT)}\n${body}\n`;

describe('images by reference', () => {
  it('are checked like inline images: a local file outside the project is refused at the image', async () => {
    const cwd = project({ 'doc.md': withBody('![x][ref]\n\n[ref]: /etc/passwd') });
    const result = await runCli(['render', 'doc.md', '--to', 'html', '--out', 'out'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'doc.md:28:1  error    The image `/etc/passwd` is outside the project  render/image-outside-project',
    );
    expect(existsSync(join(cwd, 'out/doc.html'))).toBe(false);
  });

  it('refuse file: URLs, inline or by reference', async () => {
    for (const body of ['![x](file://localhost/etc/passwd)', '![x][ref]\n\n[ref]: file:///etc/passwd']) {
      const cwd = project({ 'doc.md': withBody(body) });
      const result = await runCli(['render', 'doc.md', '--to', 'md', '--out', 'out'], cwd);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/doc\.md:28:1 {2}error {4}The image address `file:\/\/[^`]+` is a `file:` URL/);
      expect(result.stderr).toContain('render/image-address');
    }
  });

  it('never become a fetch: a remote image by reference is a link in HTML, .docx and the pandoc Markdown', async () => {
    const cwd = project({
      'doc.md': withBody(
        '![The chart][chart] and ![inline](http://example.org/b.png)\n\n[chart]: http://example.org/a.png',
      ),
    });
    for (const to of ['html', 'md', 'docx']) {
      const result = await runCli(['render', 'doc.md', '--to', to, '--out', 'out'], cwd);
      expect(result.code, result.stderr).toBe(0);
    }
    const html = readFileSync(join(cwd, 'out/doc.html'), 'utf8');
    expect(html).not.toMatch(/<img[^>]+src="http/);
    expect(html).toContain('<a href="http://example.org/a.png">The chart</a>');
    expect(html).toContain('<a href="http://example.org/b.png">inline</a>');
    const markdown = readFileSync(join(cwd, 'out/doc.pandoc.md'), 'utf8');
    expect(markdown).not.toMatch(/!\[/);
    expect(markdown).toContain('[The chart](http://example.org/a.png)');
    const docx = await JSZip.loadAsync(readFileSync(join(cwd, 'out/doc.docx')));
    expect(Object.keys(docx.files).filter((name) => name.startsWith('word/media/'))).toEqual([]);
    expect(await docx.file('word/_rels/document.xml.rels')!.async('string')).toContain('http://example.org/a.png');
  });
});

describe('links', () => {
  const hostile = [
    '[a](javascript:alert(1))',
    '[b](JaVaScRiPt:alert(2))',
    '[c](vbscript:msgbox(3))',
    '[d](data:text/html;base64,PHNjcmlwdD4=)',
    '[e][ref]\n\n[ref]: javascript:alert(5)',
    '<javascript:alert(6)>',
    '[f](file:///etc/passwd)',
  ].join('\n\n');

  it('in the body never reach an href other than https:, http:, mailto: or #', async () => {
    const cwd = project({
      'doc.md': withBody(`${hostile}\n\n[ok](https://example.org/) and [note](#attendance)`),
    });
    for (const to of ['html', 'md', 'txt', 'docx']) await runCli(['render', 'doc.md', '--to', to, '--out', 'out'], cwd);
    const html = readFileSync(join(cwd, 'out/doc.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.filter((href) => !/^(https?:|mailto:|#)/.test(href))).toEqual([]);
    expect(hrefs).toContain('https://example.org/');
    expect(html).not.toMatch(/javascript:|vbscript:|data:text/i.source.replace('javascript:', 'href="javascript:'));
    const markdown = readFileSync(join(cwd, 'out/doc.pandoc.md'), 'utf8');
    expect(markdown).not.toMatch(/\]\((?:javascript|vbscript|data|file):/i);
    expect(markdown).not.toMatch(/<(?:javascript|vbscript):/i);
    const txt = readFileSync(join(cwd, 'out/doc.txt'), 'utf8');
    expect(txt).not.toMatch(/^\[\d+\] (?:javascript|vbscript|data|file):/im);
    const docx = await JSZip.loadAsync(readFileSync(join(cwd, 'out/doc.docx')));
    const rels = await docx.file('word/_rels/document.xml.rels')!.async('string');
    const targets = [...rels.matchAll(/TargetMode="External"[^>]*|Target="([^"]+)"[^>]*TargetMode="External"/g)];
    for (const target of [...rels.matchAll(/Target="([^"]+)"\s+TargetMode="External"/g)].map((m) => m[1]!))
      expect(target).toMatch(/^(https?:|mailto:)/);
    expect(targets.length).toBeGreaterThan(0);
  });
});

describe('a broken escape in an image address', () => {
  it('is reported on that file, and the other files render', async () => {
    const cwd = project({
      'a.md': withBody('![x](%E0%A4%A)'),
      'b.md': withBody('Nothing wrong here.'),
    });
    const result = await runCli(['render', '.', '--to', 'html', '--out', 'out'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'a.md:28:1  error    The image address `%E0%A4%A` has a `%` escape that is not one  render/image-address',
    );
    expect(result.stderr).not.toContain('URIError');
    expect(existsSync(join(cwd, 'out/b.html'))).toBe(true);
    expect(existsSync(join(cwd, 'out/a.html'))).toBe(false);
  });
});

describe('terminal control sequences', () => {
  it('from the front matter or the body never reach `render --to txt --stdout`', async () => {
    const cwd = project({
      'doc.md': withBody('Body \u001b[2J cleared \u0007 and \u009b31m red.', (text) =>
        text.replace(
          'title: Community Partnerships Roundtable Communiqué',
          'title: "Roundtable \\e]0;owned\\a Communiqué \\e[31mred\\e[0m"',
        ),
      ),
    });
    const result = await runCli(['render', 'doc.md', '--to', 'txt', '--stdout'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).toContain('Roundtable Communiqué red\n');
    expect(result.stdout).toContain('Body cleared and red.');
  });
});

describe('contact.url', () => {
  it('is never written as a link unless it is a web or mail address, even when the schema is bypassed', async () => {
    const { parseBody } = await import('../src/render/body.js');
    const { buildViewModel } = await import('../src/render/view-model.js');
    const { prepareRenderer } = await import('../src/render/renderers.js');
    const { readFileSync: read } = await import('node:fs');
    const communique = {
      schema_version: 1,
      title: 'Roundtable Communiqué',
      status: 'published',
      contact: { url: 'JaVaScRiPt:alert(1)' },
      meeting: { group: { name: 'Roundtable' }, date: '2021-05-05', mode: 'virtual' },
    } as never;
    const view = buildViewModel(communique, parseBody('Text.'), { includeInternal: false });
    const path = join(import.meta.dirname, '../templates/default/communique.html.hbs');
    const prepared = await prepareRenderer('html', { path, source: read(path, 'utf8') });
    if (!prepared.ok) throw new Error('no renderer');
    const html = new TextDecoder().decode(await prepared.renderer.render({ view, date: new Date(0) }));
    expect(html).toContain('JaVaScRiPt:alert(1)');
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });
});
