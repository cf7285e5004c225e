import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import stringWidth from 'string-width';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseCommunique } from '../src/core/parse/communique.js';
import { parseBody } from '../src/render/body.js';
import { cleanTree, cleanValue } from '../src/render/controls.js';
import { bodyHtml, inlineHtml } from '../src/render/html.js';
import { labelsFor } from '../src/render/labels/index.js';
import { plainBody } from '../src/render/plain-body.js';
import { columns, shorten } from '../src/render/text/wrap.js';

/**
 * The short cuts a rendering takes for the common case must give what the long way gives:
 * each is held here to the long way, over generated input and the bundled examples.
 */
const examples = fileURLToPath(new URL('../examples', import.meta.url));
const exampleBodies = readdirSync(examples)
  .filter((name) => name.endsWith('.md'))
  .map((name) => parseCommunique(readFileSync(join(examples, name), 'utf8')).body ?? '');

describe('body HTML built directly', () => {
  it('is the page remark-rehype and the sanitiser give, over generated bodies', () => {
    const piece = fc.constantFrom(
      'Members agreed',
      'the plan',
      '<b>',
      '&',
      '&amp;',
      '"quoted"',
      "it's",
      '>',
      'é 中文 😀',
      '*shown*',
      '[a link](https://example.org)',
      '#',
      '## ',
      '# ',
      '### ',
      '- ',
      '1. ',
      '  ',
      '\t',
      '\\',
      '`code`',
    );
    const line = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(' '));
    const body = fc.array(fc.oneof(line, fc.constant('')), { maxLength: 10 }).map((lines) => lines.join('\n'));
    let textOnly = 0;
    fc.assert(
      fc.property(body, fc.constantFrom('Notes', 'Remarques'), (markdown, label) => {
        const tree = parseBody(markdown);
        if (plainBody(markdown)) textOnly++;
        expect(bodyHtml(tree, undefined, label)).toEqual(bodyHtml(tree, undefined, label, false));
      }),
      { seed: 20261129, numRuns: 600 },
    );
    // Bodies of text alone, which take the short cut, are among them.
    expect(textOnly).toBeGreaterThan(30);
  });

  it('is the same page for the bundled examples', () => {
    for (const body of exampleBodies) {
      const tree = parseBody(body);
      expect(bodyHtml(tree)).toEqual(bodyHtml(tree, undefined, 'Notes', false));
    }
  });

  it('escapes text as the serialiser does', () => {
    const tree = parseBody('## Fish & chips\n\nA < b, and "c" > d.');
    expect(bodyHtml(tree).body).toBe('<h2 id="fish-chips">Fish &#x26; chips</h2>\n<p>A &#x3C; b, and "c" > d.</p>');
    expect(inlineHtml([{ type: 'text', value: 'Costs < $5 & "rising"' }])).toBe('Costs &#x3C; $5 &#x26; "rising"');
  });

  it('leaves text with spaces around a line ending to remark-rehype, which trims them', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a \n\tb' }] }],
    };
    expect(bodyHtml(tree).body).toBe('<p>a\nb</p>');
  });
});

describe('the bundled templates compiled at build time', () => {
  it('render every example as the templates compiled when used do', async () => {
    const { PRECOMPILED } = await import('../src/generated/templates.js');
    const { compileHtmlTemplate, renderHtml } = await import('../src/render/html.js');
    const { compileMarkdownTemplate, renderMarkdown } = await import('../src/render/markdown.js');
    const { compileTextTemplate, renderText } = await import('../src/render/text/template.js');
    const { buildViewModel } = await import('../src/render/view-model.js');
    const templates = join(examples, '../templates/default');
    for (const [format, file] of [
      ['html', 'communique.html.hbs'],
      ['md', 'communique.md.hbs'],
      ['txt', 'communique.txt.hbs'],
    ] as const)
      expect(PRECOMPILED[format].source).toBe(readFileSync(join(templates, file), 'utf8'));
    for (const name of readdirSync(examples).filter((entry) => entry.endsWith('.md'))) {
      const parsed = parseCommunique(readFileSync(join(examples, name), 'utf8'));
      const built = buildViewModel(parsed.data as never, parseBody(parsed.body ?? ''), { includeInternal: true });
      // Characters each format escapes its own way, or not at all.
      const view = { ...built, title: `${built.title} & <Co> "quoted" 'single' \`tick\` =` };
      const both = <T>(compile: (source: string, precompiled?: never) => T, format: 'html' | 'md' | 'txt') => [
        compile(PRECOMPILED[format].source),
        compile(PRECOMPILED[format].source, PRECOMPILED[format].template as never),
      ];
      const [html, htmlBuilt] = both(compileHtmlTemplate, 'html');
      expect(renderHtml(view, htmlBuilt!)).toBe(renderHtml(view, html!));
      const [md, mdBuilt] = both(compileMarkdownTemplate, 'md');
      expect(renderMarkdown(view, mdBuilt!)).toBe(renderMarkdown(view, md!));
      const [txt, txtBuilt] = both(compileTextTemplate, 'txt');
      expect(renderText(view, txtBuilt!)).toBe(renderText(view, txt!));
    }
  });
});

describe('columns', () => {
  it('counts Latin text, accents included, one column a character, as string-width does', () => {
    const latin = fc.string({ unit: fc.integer({ min: 0x20, max: 0x2ff }).map((code) => String.fromCharCode(code)) });
    fc.assert(
      fc.property(latin, (text) => {
        expect(columns(text)).toBe(stringWidth(text));
      }),
      { seed: 20261129, numRuns: 2000 },
    );
    expect(columns('a\u00adb')).toBe(2);
    expect(columns('Communiqué 中文')).toBe(15);
  });
});

describe('shorten', () => {
  it('cuts a long title at a word, counting wide characters as two columns', () => {
    expect(shorten('Regional Gardening Committee Communiqué', 80)).toBe('Regional Gardening Committee Communiqué');
    expect(shorten('Regional Gardening Committee Communiqué for the spring quarter', 30)).toBe(
      'Regional Gardening Committee…',
    );
    expect(shorten('社区园艺委员会第十二次会议公报及后续行动', 12)).toBe('社区园艺委…');
    expect(shorten('Flags 🇦🇺🇦🇺🇦🇺🇦🇺 and more words here', 14)).toBe('Flags 🇦🇺🇦🇺🇦🇺…');
  });
});

describe('cleanTree', () => {
  it('gives back a tree without control characters as it is, and cleans a copy of one with them', () => {
    const plain = parseBody('Members met.\n\n## Next');
    expect(cleanTree(plain)).toBe(plain);
    const dirty = parseBody('Members \u001b[2Jmet.\n\n![alt\u0007](a.png "t\u0008")');
    const cleaned = cleanTree(dirty);
    expect(cleaned).not.toBe(dirty);
    expect(JSON.stringify(cleaned)).not.toMatch(/\\u00(?:1b|07|08)/);
    expect(JSON.stringify(dirty)).toMatch(/\\u001b/);
  });
});

describe('cleanValue', () => {
  it('gives back front matter without control characters as it is, and cleans a copy of one with them', () => {
    const clean = { title: 'Roundtable', attendees: [{ name: 'Ana Pérez' }], meeting: { number: 3 } };
    expect(cleanValue(clean)).toBe(clean);
    const dirty = { title: 'Roundtable', attendees: [{ name: 'Ana \u001b]0;x\u0007Pérez' }], meeting: { number: 3 } };
    expect(cleanValue(dirty)).toEqual({
      title: 'Roundtable',
      attendees: [{ name: 'Ana Pérez' }],
      meeting: { number: 3 },
    });
    expect(dirty.attendees[0]!.name).toBe('Ana \u001b]0;x\u0007Pérez');
    for (const control of ['\u0000', '\b', '\f', '\u000b', '\u001f', '\u007f', '\u009b'])
      expect(cleanValue({ list: [{ text: `ab${control}` }] })).toEqual({ list: [{ text: 'ab' }] });
    expect(cleanValue({ text: 'tab\tline\nreturn\r' })).toEqual({ text: 'tab\tline\nreturn\r' });
  });
});

describe('labels', () => {
  it('formats a label again for other values, not the first answer kept', () => {
    const labels = labelsFor('en-AU');
    expect(labels.t('stage', { stage: 'draft' })).toBe('draft');
    expect(labels.t('stage', { stage: 'approved' })).toBe('approved');
    expect(labels.t('stage', { stage: 'draft' })).toBe('draft');
    expect(labels.t('chair', { count: 2 })).not.toBe(labels.t('chair', { count: 1 }));
  });
});
