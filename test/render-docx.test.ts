import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import type { Heading } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseCommunique } from '../src/core/parse/communique.js';
import type { Communique } from '../src/core/model.js';
import { parseBody } from '../src/render/body.js';
import { type DocxOptions, renderDocx } from '../src/render/docx/document.js';
import { buildViewModel, type ViewModel } from '../src/render/view-model.js';

/**
 * The .docx writer, checked on the XML inside the package: the structure Word and screen
 * readers rely on (styles, header rows, language, alt text), what must and must not be
 * in the document, and that the same input always gives the same bytes.
 */

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const EXAMPLES = ['2025-05-14-hspr.md', '2025-10-14-npg.md', '2026-04-21-npg.md'] as const;
const DATE = new Date('2021-11-26T00:00:00Z');
const DRAFT = 'DRAFT — NOT FOR PUBLICATION';

// A 1×1 transparent PNG.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

function exampleView(name: string): ViewModel {
  const loaded = parseCommunique(readFileSync(join(examplesDir, name)));
  if (!loaded.data || loaded.body === undefined) throw new Error(`${name} did not load`);
  return buildViewModel(loaded.data as unknown as Communique, parseBody(loaded.body), { includeInternal: false });
}

function withBody(markdown: string, changes: Partial<ViewModel> = {}): ViewModel {
  return { ...exampleView('2026-04-21-npg.md'), ...changes, body: parseBody(markdown) };
}

interface Package {
  zip: JSZip;
  part(path: string): Promise<string>;
}

async function open(bytes: Uint8Array): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    zip,
    async part(path) {
      const file = zip.file(path);
      if (!file) throw new Error(`no ${path} in the package`);
      return file.async('string');
    },
  };
}

async function render(
  view: ViewModel,
  options: Partial<DocxOptions> = {},
): Promise<{ bytes: Uint8Array; pkg: Package; document: string }> {
  const bytes = await renderDocx(view, { date: DATE, ...options });
  const pkg = await open(bytes);
  return { bytes, pkg, document: await pkg.part('word/document.xml') };
}

const fromXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp|#(\d+));/g, (_, name: string, code?: string) =>
    code ? String.fromCharCode(Number(code)) : { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name]!,
  );

interface Para {
  style?: string;
  text: string;
  xml: string;
}

/** Paragraphs in document order (`<w:pPr>`, `<w:pStyle>` and the like are not paragraphs). */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p(?=[ >])[\s\S]*?<\/w:p>/g)].map(([p]) => {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => fromXml(match[1]!)).join('');
    return { ...(style ? { style } : {}), text, xml: p };
  });
}

const allText = (xml: string): string =>
  paragraphs(xml)
    .map((p) => p.text)
    .join('\n');

describe.each(EXAMPLES)('renderDocx(%s)', (name) => {
  const view = exampleView(name);
  const rendered = render(view);

  it('gives the title the Title style, and the same title in the document properties', async () => {
    const { document, pkg } = await rendered;
    const titles = paragraphs(document).filter((p) => p.style === 'Title');
    expect(titles.map((p) => p.text)).toEqual([view.title]);
    const core = await pkg.part('docProps/core.xml');
    expect(fromXml(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? '')).toBe(view.title);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-11-26T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-11-26T00:00:00Z</dcterms:modified>');
  });

  it('uses heading styles whose outline never skips a level', async () => {
    const { document } = await rendered;
    const levels = paragraphs(document).flatMap((p) =>
      p.style === 'Title' ? [0] : p.style?.startsWith('Heading') ? [Number(p.style.slice(7))] : [],
    );
    expect(levels[0]).toBe(0);
    expect(levels.length).toBeGreaterThan(2);
    levels.slice(1).forEach((level, index) => {
      expect(level).toBeGreaterThanOrEqual(1);
      expect(level).toBeLessThanOrEqual(levels[index]! + 1);
    });
  });

  it('writes every body heading as a heading', async () => {
    const { document } = await rendered;
    const headings = paragraphs(document)
      .filter((p) => p.style?.startsWith('Heading'))
      .map((p) => p.text);
    const bodyHeadings = view.body.children
      .filter((node): node is Heading => node.type === 'heading')
      .map((node) => textOf(node));
    expect(bodyHeadings.length).toBeGreaterThan(0);
    for (const heading of bodyHeadings) expect(headings).toContain(heading);
    for (const section of [
      'Agreements',
      'Actions',
      ...(view.attendance.any ? ['Attendance'] : []),
      ...(view.nextMeeting ? ['Next meeting'] : []),
    ])
      expect(headings).toContain(section);
  });

  it('declares the document language in the default run properties', async () => {
    const { pkg } = await rendered;
    const styles = await pkg.part('word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="en-AU"\/>/);
  });

  it('marks the first row of every table as a header row that repeats', async () => {
    const { document } = await rendered;
    const tables = document.split('<w:tbl>').slice(1);
    // Attendance is one table (a row names each group), the actions another.
    expect(tables.length).toBeGreaterThanOrEqual(Number(view.attendance.groups.length > 0) + 1);
    for (const table of tables) {
      const firstRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)?.[0] ?? '';
      expect(firstRow).toContain('<w:tblHeader/>');
    }
  });

  it('marks a draft DRAFT, on the page and in a header, and a published communiqué not', async () => {
    const { document, pkg } = await rendered;
    const headers = Object.keys(pkg.zip.files).filter((path) => /^word\/header\d*\.xml$/.test(path));
    if (view.status === 'review') {
      expect(view.draft).toBe(true);
      const first = paragraphs(document)[0]!;
      expect(first.text).toContain(DRAFT);
      // A named style says how the notice looks, not direct bold.
      expect(first.style).toBe('DraftNotice');
      expect(first.xml).not.toContain('<w:b/>');
      // The first page's header and the running header of the pages after it both say DRAFT.
      expect(headers).toHaveLength(2);
      for (const header of headers) expect(allText(await pkg.part(header))).toContain(DRAFT);
    } else {
      expect(view.status).toBe('published');
      expect(document).not.toContain('DRAFT');
      for (const header of headers) expect(allText(await pkg.part(header))).not.toContain('DRAFT');
    }
  });

  it('writes the facts, agreements with their ids, actions, contact and publication date', async () => {
    const { document } = await rendered;
    const text = allText(document);
    expect(text).toContain(`Date: ${view.meeting.date}`);
    expect(text).toContain(`Where: ${view.meeting.where}`);
    // Public wording: the decision and the text, no internal ids.
    for (const agreement of view.agreements) {
      expect(text).toContain(`${agreement.decision}: ${agreement.text}`);
      expect(text).not.toContain(`${agreement.id} — `);
    }
    for (const action of view.actions) expect(text).toContain(action.statusLabel);
    expect(text).toContain('Actions arising from the meeting');
    const actionsTable = document.split('<w:tbl>').at(-1)!;
    expect(paragraphs(actionsTable.slice(0, actionsTable.indexOf('</w:tr>'))).map((p) => p.text)).toEqual([
      'Action',
      'Owner',
      'Due',
      'Status',
    ]);
    if (view.contact?.email) expect(text).toContain(view.contact.email);
    if (view.published) expect(text).toContain(view.published);
  });

  it('gives the same bytes every time, with every zip entry dated as asked', async () => {
    const { bytes, pkg } = await rendered;
    const again = await renderDocx(exampleView(name), { date: DATE });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const entries = Object.values(pkg.zip.files);
    expect(Object.keys(pkg.zip.files)[0]).toBe('[Content_Types].xml');
    for (const entry of entries) expect(entry.date.toISOString()).toBe('2021-11-26T00:00:00.000Z');
  });
});

describe('renderDocx body', () => {
  it('embeds an image the loader gives, with the alt text as its description and title', async () => {
    const asked: string[] = [];
    const { document, pkg } = await render(withBody('## Pictures\n\n![Members at the meeting](images/members.png)\n'), {
      loadImage: (url) => {
        asked.push(url);
        return { data: PNG, width: 1, height: 1, type: 'png' };
      },
    });
    expect(asked).toEqual(['images/members.png']);
    expect(document).toContain('<w:drawing>');
    const docPr = /<wp:docPr [^>]*>/.exec(document)?.[0] ?? '';
    expect(docPr).toContain('descr="Members at the meeting"');
    expect(docPr).toContain('title="Members at the meeting"');
    const media = Object.keys(pkg.zip.files).filter((path) => path.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    expect(Buffer.from(await pkg.zip.file(media[0]!)!.async('uint8array')).equals(Buffer.from(PNG))).toBe(true);
    expect(document).not.toContain('[Members at the meeting]');
  });

  it('writes the alt text in brackets when a local image cannot be used, and a link for a remote one', async () => {
    const remote = await render(
      withBody('## Pictures\n\n![Members at the meeting](https://example.org/members.png)\n'),
    );
    expect(remote.document).toContain('<w:hyperlink');
    expect(allText(remote.document)).toContain('Members at the meeting');
    expect(remote.document).not.toContain('<w:drawing>');
    for (const loadImage of [() => undefined, undefined]) {
      const { document, pkg } = await render(
        withBody('## Pictures\n\n![Members at the meeting](images/members.png)\n'),
        loadImage ? { loadImage } : {},
      );
      expect(allText(document)).toContain('[Members at the meeting]');
      expect(document).not.toContain('<w:drawing>');
      expect(Object.keys(pkg.zip.files).filter((path) => path.startsWith('word/media/'))).toEqual([]);
    }
  });

  it('gives the same bytes for a document with images and links, rendered twice', async () => {
    const view = withBody('## Links\n\nSee [the report](https://example.org/report) and ![chart](chart.png).\n');
    const loadImage = () => ({ data: PNG, width: 1, height: 1, type: 'png' as const });
    const first = await renderDocx(view, { date: DATE, loadImage });
    const second = await renderDocx(view, { date: DATE, loadImage });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('writes links as external hyperlinks, and never a javascript: link', async () => {
    const { document, pkg } = await render(
      withBody('## Links\n\nRead [the report](https://example.org/report?a=1&b=2) or [this](javascript:alert(1)).\n'),
    );
    const rels = await pkg.part('word/_rels/document.xml.rels');
    const relationship =
      /<Relationship Id="([^"]+)" Type="[^"]*\/hyperlink" Target="https:\/\/example\.org\/report\?a=1&amp;b=2" TargetMode="External"\/>/.exec(
        rels,
      );
    expect(relationship).not.toBeNull();
    expect(document).toContain(`<w:hyperlink w:history="1" r:id="${relationship![1]}">`);
    expect(rels).not.toContain('javascript');
    expect(allText(document)).toContain('Read the report or this.');
  });

  it('keeps the outline from skipping a level when the body does', async () => {
    const outline = async (view: ViewModel) =>
      paragraphs((await render(view)).document).flatMap((p) =>
        p.style === 'Title' ? ['Title'] : p.style?.startsWith('Heading') ? [`${p.style} ${p.text}`] : [],
      );
    const body = '#### Deep first\n\n## Top\n\n#### Deep again\n\n> ## Quoted\n';
    expect(
      await outline(withBody(body, { attendance: { groups: [], any: false }, agreements: [], actions: [] })),
    ).toEqual(['Title', 'Heading1 Deep first', 'Heading1 Top', 'Heading2 Deep again', 'Heading1 Next meeting']);
    expect(await outline(withBody('# One\n\n## Two\n'))).toEqual([
      'Title',
      'Heading1 One',
      'Heading2 Two',
      'Heading1 Attendance',
      'Heading1 Agreements',
      'Heading1 Actions',
      'Heading1 Next meeting',
    ]);
  });

  it('keeps inline formatting, code, quotes, rules and breaks', async () => {
    const { document } = await render(
      withBody(
        '## Text\n\n**bold** *it* ~~gone~~ `code`  \nnext line\n\n> quoted\n\n```\nline 1\nline 2\n```\n\n---\n',
      ),
    );
    const para = paragraphs(document).find((p) => p.text.startsWith('bold'))!;
    expect(para.xml).toMatch(/<w:b\/>[\s\S]*?bold/);
    expect(para.xml).toMatch(/<w:i\/>[\s\S]*?it/);
    expect(para.xml).toMatch(/<w:strike\/>[\s\S]*?gone/);
    expect(para.xml).toMatch(/<w:rStyle w:val="VerbatimChar"\/>[\s\S]*?code/);
    expect(para.xml).toContain('<w:br/>');
    expect(paragraphs(document).find((p) => p.text === 'quoted')?.style).toBe('Quote');
    const code = paragraphs(document).find((p) => p.style === 'SourceCode')!;
    expect(code.text).toBe('line 1line 2');
    expect(code.xml).toContain('<w:br/>');
    expect(document).toContain('<w:pBdr><w:bottom');
  });

  it('numbers lists with Word numbering, nesting and starting where Markdown says', async () => {
    const { document, pkg } = await render(
      withBody('## Lists\n\n3. three\n4. four\n   - nested\n     1. deeper\n\nText.\n\n1. again\n'),
    );
    const items = paragraphs(document).filter((p) => p.xml.includes('<w:numPr>') && p.style !== 'Agreement');
    const levels = items.map(
      (p) =>
        [
          p.text,
          Number(/<w:ilvl w:val="(\d)"\/>/.exec(p.xml)?.[1]),
          Number(/<w:numId w:val="(\d+)"\/>/.exec(p.xml)?.[1]),
        ] as const,
    );
    expect(levels.map(([text, level]) => [text, level])).toEqual([
      ['three', 0],
      ['four', 0],
      ['nested', 1],
      ['deeper', 2],
      ['again', 0],
    ]);
    const [three, four, , , again] = levels.map(([, , numId]) => numId);
    expect(three).toBe(four);
    expect(again).not.toBe(three);
    const numbering = await pkg.part('word/numbering.xml');
    expect(numbering).toMatch(new RegExp(`<w:num w:numId="${three}">(?:(?!</w:num>).)*<w:startOverride w:val="3"/>`));
    expect(numbering).toMatch(new RegExp(`<w:num w:numId="${again}">(?:(?!</w:num>).)*<w:startOverride w:val="1"/>`));
  });

  it('writes GFM tables with a repeating header row', async () => {
    const { document } = await render(withBody('## Table\n\n| Item | Cost |\n|:--|--:|\n| Venue | $100 |\n'));
    const table = document.split('<w:tbl>').find((part) => part.includes('Venue'))!;
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(paragraphs(rows[0]!).map((p) => p.text)).toEqual(['Item', 'Cost']);
    expect(paragraphs(rows[1]!).map((p) => p.text)).toEqual(['Venue', '$100']);
    expect(rows[1]).toContain('<w:jc w:val="right"/>');
  });

  it('never writes raw HTML', async () => {
    const { document } = await render(
      withBody('## HTML\n\n<div>hidden block</div>\n\nText with <span class="x">inline</span> tags.\n'),
    );
    const text = allText(document);
    expect(text).not.toContain('hidden block');
    expect(text).not.toContain('<span');
    expect(text).toContain('Text with inline tags.');
  });

  it('writes GFM footnotes as Word footnotes', async () => {
    const { document, pkg } = await render(withBody('## Notes\n\nA claim.[^source]\n\n[^source]: The source.\n'));
    expect(document).toContain('<w:footnoteReference w:id="1"/>');
    expect(allText(await pkg.part('word/footnotes.xml'))).toContain('The source.');
  });

  it('shows internal notes, marked INTERNAL, only in an internal render', async () => {
    const internal = await render(
      withBody('## Body\n\nText.\n', { internal: true, internalNotes: 'Budget figures are not final.' }),
    );
    const text = allText(internal.document);
    expect(text).toContain('INTERNAL');
    expect(text).toContain('Budget figures are not final.');
    const headings = paragraphs(internal.document).filter((p) => p.style === 'Heading1');
    expect(headings.map((p) => p.text)).toContain('Internal notes');

    const { document } = await render(
      withBody('## Body\n\nText.\n', { internalNotes: 'Budget figures are not final.' }),
    );
    expect(allText(document)).not.toContain('Budget figures');
    expect(document).not.toContain('INTERNAL');
  });
});
