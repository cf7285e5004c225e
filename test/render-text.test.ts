import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Nodes, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseCommunique } from '../src/core/parse/communique.js';
import type { Communique } from '../src/core/model.js';
import { parseBody } from '../src/render/body.js';
import { compileTextTemplate, renderText as renderCompiled } from '../src/render/text/template.js';
import { buildViewModel, type ViewModel } from '../src/render/view-model.js';

const renderText = (view: ViewModel, source: string) => renderCompiled(view, compileTextTemplate(source));

/**
 * The plain-text format as a reader of the email sees it: every example laid out within
 * 72 columns with nothing of its body lost, and each kind of Markdown block laid out as
 * worked out by hand below.
 */
const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const TEMPLATE = readFileSync(
  fileURLToPath(new URL('../templates/default/communique.txt.hbs', import.meta.url)),
  'utf8',
);
const EXAMPLES = ['2025-05-14-hspr', '2025-10-14-npg', '2026-04-21-npg'];

function example(name: string) {
  const loaded = parseCommunique(readFileSync(`${examplesDir}${name}.md`));
  const view = buildViewModel(loaded.data as unknown as Communique, parseBody(loaded.body ?? ''), {
    includeInternal: false,
  });
  return { view, output: renderText(view, TEMPLATE) };
}

/** Words as a reader compares them: the punctuation around a word is not part of it. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** The text of each block on its own: the text of a whole tree runs blocks together. */
function blockTexts(node: Nodes): string[] {
  if (['paragraph', 'heading', 'tableCell', 'code'].includes(node.type)) return [textOf(node)];
  return 'children' in node ? node.children.flatMap((child) => blockTexts(child)) : [];
}

function tally(list: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of list) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

describe('plain text of the examples', () => {
  for (const name of EXAMPLES) {
    describe(name, () => {
      const { view, output } = example(name);
      const lines = output.split('\n');

      it('stays within 72 columns, with no trailing spaces, ending in one newline', () => {
        for (const line of lines) {
          if (line.length > 72) expect(line.trim(), line).not.toMatch(/\s/);
          expect(line, JSON.stringify(line)).toBe(line.trimEnd());
        }
        expect(output.endsWith('\n')).toBe(true);
        expect(output.endsWith('\n\n')).toBe(false);
      });

      it('underlines the title with = and each section heading with -', () => {
        const title = lines.indexOf(view.title);
        expect(title).toBeGreaterThanOrEqual(0);
        expect(lines[title + 1]).toBe('='.repeat(view.title.length));
        const headings = view.body.children.filter((node) => node.type === 'heading' && node.depth === 2);
        expect(headings.length).toBeGreaterThan(0);
        for (const heading of headings) {
          const text = textOf(heading);
          const at = lines.findIndex((line, index) => line === text && lines[index + 1] === '-'.repeat(text.length));
          expect(at, text).toBeGreaterThanOrEqual(0);
        }
      });

      it(view.draft ? 'is marked DRAFT at the very top' : 'is not marked DRAFT', () => {
        if (view.draft) expect(lines[0]).toBe(`DRAFT — NOT FOR PUBLICATION (status: ${view.statusLabel})`);
        else expect(output).not.toContain('DRAFT');
      });

      it('loses no word of the body', () => {
        const have = tally(words(output));
        const missing = [...tally(blockTexts(view.body as Root).flatMap(words))].filter(
          ([word, count]) => (have.get(word) ?? 0) < count,
        );
        expect(missing).toEqual([]);
      });

      it('lists every agreement and action with its owners', () => {
        const flowing = output.replace(/\s+/g, ' ');
        // Public wording: each agreement as a list item with its decision, no ids.
        for (const agreement of view.agreements)
          expect(lines.some((line) => line.startsWith(`- ${agreement.decision}: `))).toBe(true);
        for (const action of view.actions) {
          expect(lines.some((line) => line.startsWith(`${action.id}  `))).toBe(false);
          for (const owner of action.owners) expect(flowing).toContain(owner);
        }
        expect(lines.filter((line) => line === 'Agreements' || line === 'Actions')).toHaveLength(
          Number(view.agreements.length > 0) + Number(view.actions.length > 0),
        );
      });
    });
  }

  it('shows the meeting facts and attendance of the Roundtable meeting', () => {
    const { output } = example('2025-05-14-hspr');
    expect(output).toContain(
      [
        'Group:      Human Services Partnership Roundtable',
        'Meeting:    2',
        'Date:       14 May 2025',
        'Time:       9:30 – 11:30\u202fam AEST',
        'Where:      Brisbane and online',
        'Co-chairs:  Rebecca Thornley and Daniel Okafor',
      ].join('\n'),
    );
    expect(output).toContain(
      [
        // A name that is its role is not printed twice.
        'Apologies:',
        '- Deputy Director-General, Department of Families and Inclusion —',
        '  Department of Families and Inclusion',
      ].join('\n'),
    );
    expect(output).toContain(
      [
        '- Prepare a 2025 work plan covering the three priority areas and present',
        '  it to the Roundtable.',
        '  Owners: Rebecca Thornley and Daniel Okafor',
        '  Due: next meeting (20 August 2025)',
        '  Status: Open',
      ].join('\n'),
    );
  });
});

// ---------------------------------------------------------------------------------------

const BASE: Communique = {
  schema_version: 1,
  title: 'Roundtable Communiqué',
  status: 'published',
  meeting: { group: { name: 'Roundtable' }, date: '2021-05-05', mode: 'virtual' },
};

/** Just the body and its links, laid out as the default template lays them out. */
const BODY_ONLY = `{{body}}
{{#if links.length}}

Links
-----

{{#each links}}
[{{number}}] {{url}}
{{/each}}
{{/if}}
`;

function body(markdown: string): string {
  return renderText(buildViewModel(BASE, parseBody(markdown), { includeInternal: false }), BODY_ONLY);
}

describe('plain text of the body', () => {
  it('fills a paragraph up to exactly 72 columns', () => {
    const markdown = `Members agreed that the Roundtable would publish its Terms of
Reference. The Department will publish them with the Roundtable’s communiqués and send copies to all
members before the next meeting.`;
    expect(body(markdown)).toBe(`Members agreed that the Roundtable would publish its Terms of Reference.
The Department will publish them with the Roundtable’s communiqués and
send copies to all members before the next meeting.
`);
  });

  it('hangs wrapped list items under their text, nested lists two further in', () => {
    const markdown = `- The Roundtable discussed the work plan for 2025 and the three priority areas it covers:
  - longer-term funding agreements, including how services are designed, funded and reviewed
  - joined-up services
- Members noted progress.`;
    expect(body(markdown)).toBe(`- The Roundtable discussed the work plan for 2025 and the three priority
  areas it covers:
  - longer-term funding agreements, including how services are designed,
    funded and reviewed
  - joined-up services
- Members noted progress.
`);
  });

  it('numbers an ordered list from its start', () => {
    expect(
      body(
        '3. Shared outcomes for families.\n4. A stronger community services workforce in regional and remote Queensland, as agreed.',
      ),
    ).toBe(`3. Shared outcomes for families.
4. A stronger community services workforce in regional and remote
   Queensland, as agreed.
`);
    expect(body('9. Nine\n10. Ten')).toBe('9.  Nine\n10. Ten\n');
  });

  it('keeps a loose list loose', () => {
    expect(body('- One\n\n- Two')).toBe('- One\n\n- Two\n');
  });

  it('lays out a table that fits as aligned columns', () => {
    const markdown = `| Meeting | Date | Theme |
|---|:---:|---:|
| 1 | 19 February | Priorities |
| 2 | 5 May | Work plan |`;
    expect(body(markdown)).toBe(`Meeting     Date           Theme
-------  -----------  ----------
1        19 February  Priorities
2           5 May      Work plan
`);
  });

  it('lays out a table too wide for the line one record at a time', () => {
    const markdown = `| Action | Owner | Due |
|---|---|---|
| Publish the endorsed Charter on the same web page as the Roundtable’s communiqués | Department of Families and Inclusion | 30 June 2025 |
| Bring a work plan | Co-chairs | |`;
    expect(body(markdown)).toBe(`Action: Publish the endorsed Charter on the same web page as the
  Roundtable’s communiqués
Owner: Department of Families and Inclusion
Due: 30 June 2025

Action: Bring a work plan
Owner: Co-chairs
Due:
`);
  });

  it('footnotes links, one number per URL, keeping each number by its word', () => {
    const markdown =
      'Members endorsed the [Terms of Reference](https://example.org/tor) and the [plan](https://example.org/plan). The [Terms][tor] will be published.\n\n[tor]: https://example.org/tor';
    expect(body(markdown)).toBe(`Members endorsed the Terms of Reference [1] and the plan [2]. The
Terms [1] will be published.

Links
-----

[1] https://example.org/tor
[2] https://example.org/plan
`);
  });

  it('gives no footnote to a link that shows its own URL', () => {
    expect(
      body(
        'Write to <sectorengagement@families-inclusion.example> or see <https://example.org/roundtable> or www.example.org.',
      ),
    ).toBe(
      `Write to sectorengagement@families-inclusion.example or see
https://example.org/roundtable or www.example.org.
`,
    );
  });

  it('names a local image by its alt text, and footnotes a remote image’s URL', () => {
    expect(
      body('![Attendance at the meeting](images/attendance.png)\n\n![](https://example.org/chart.png)'),
    ).toBe(`[Image: Attendance at the meeting]

[Image] [1]

Links
-----

[1] https://example.org/chart.png
`);
  });

  it('quotes a block quote line by line within 72 columns', () => {
    const markdown = `> The Roundtable will help the Department of Families and Inclusion work more closely with the community services sector.
>
> — Co-chairs`;
    // The first line, "> " and all, is exactly 72 columns.
    expect(body(markdown)).toBe(`> The Roundtable will help the Department of Families and Inclusion work
> more closely with the community services sector.
>
> — Co-chairs
`);
  });

  it('indents a code block without wrapping it or losing its blank lines', () => {
    const markdown = `Run:

\`\`\`sh
communique render examples/2025-05-14-hspr.md --to txt --out public/communiques/2021 --template default


communique validate
\`\`\``;
    expect(body(markdown)).toBe(`Run:

    communique render examples/2025-05-14-hspr.md --to txt --out public/communiques/2021 --template default


    communique validate
`);
  });

  it('never breaks a URL, even one longer than the line', () => {
    const url = 'https://www.families-inclusion.example/partnering/community-services/working-together-framework-2025';
    expect(url).toHaveLength(100);
    expect(body(`The framework is at ${url} and in the [report](${url}).`)).toBe(`The framework is at
https://www.families-inclusion.example/partnering/community-services/working-together-framework-2025
and in the report [1].

Links
-----

[1] https://www.families-inclusion.example/partnering/community-services/working-together-framework-2025
`);
  });

  it('underlines headings by level, keeping the title’s = for the title alone', () => {
    expect(body('## Section\n\n### Subsection\n\nText.')).toBe('Section\n-------\n\nSubsection\n~~~~~~~~~~\n\nText.\n');
    expect(body('# Top\n\n## Below')).toBe('Top\n---\n\nBelow\n~~~~~\n');
  });

  it('writes emphasis as plain text, strong as *text*, breaks as line breaks, and drops raw HTML', () => {
    const markdown = `Text with a hard\\
break, **strong** and _em_ and \`inline code\`.<br>After <span>a span</span>.

<div>raw block</div>

***

Done.`;
    expect(body(markdown)).toBe(`Text with a hard
break, *strong* and em and inline code.
After a span.

${'-'.repeat(72)}

Done.
`);
  });
});

describe('the default text template', () => {
  const communique: Communique = {
    ...BASE,
    status: 'draft',
    attendees: [
      { id: 'chair', name: 'Ana Ruiz', role: 'Director-General', organisation: 'Department of Families and Inclusion' },
      { id: 'secret', name: 'Zebedee Observer', kind: 'observer', internal: true },
    ],
    meeting: { ...BASE.meeting, chair: 'chair' },
    actions: [{ id: 'ACT-1', text: 'Publish the Terms of Reference.', owner: 'chair', status: 'open' }],
    internal_notes: 'Budget figures for the secretariat only.',
    contact: { email: 'roundtable@example.org' },
  };
  const markdown = '## Terms of Reference\n\nMembers endorsed the [Terms of Reference](https://example.org/tor).';

  it('lays out a public render, leaving out empty sections and internal content', () => {
    const output = renderText(buildViewModel(communique, parseBody(markdown), { includeInternal: false }), TEMPLATE);
    expect(output).toBe(`DRAFT — NOT FOR PUBLICATION (status: draft)

Roundtable Communiqué
=====================

Group:      Roundtable
Date:       5 May 2021
Where:      Online
Chair:      Ana Ruiz

The meeting made no agreements and recorded 1 action.

Terms of Reference
------------------

Members endorsed the Terms of Reference [1].

Attendance
----------

Present:
- Ana Ruiz — Director-General, Department of Families and Inclusion

Actions
-------

- Publish the Terms of Reference.
  Owner: Ana Ruiz
  Due: —
  Status: Open

Contact
-------

Email:  roundtable@example.org

Links
-----

[1] https://example.org/tor
`);
  });

  it('marks internal content as such in an internal render', () => {
    const output = renderText(buildViewModel(communique, parseBody(markdown), { includeInternal: true }), TEMPLATE);
    expect(output).toContain('In attendance:\n- [INTERNAL] Zebedee Observer — observer\n');
    // An internal render shows the ids the secretariat works with.
    expect(output).toContain('ACT-1  Publish the Terms of Reference.\n       Owner: Ana Ruiz\n');
    expect(output).toContain('Internal notes\n--------------\n\nBudget figures for the secretariat only.\n');
  });

  it('fails on a field the communiqué does not have', () => {
    const view = buildViewModel(communique, parseBody(markdown), { includeInternal: false });
    expect(() => renderText(view, '{{title}} {{nonsense}}\n')).toThrow(/"nonsense" not defined/);
    expect(renderText(view, 'Brief: {{title}} ({{meeting.date}})')).toBe('Brief: Roundtable Communiqué (5 May 2021)\n');
  });
});

describe('agreement and action text that Markdown would read as it is', () => {
  it('is taken as it is, exactly as the Markdown reader gives it', async () => {
    const fc = await import('fast-check');
    const { inline, parsedInline } = await import('../src/render/inline.js');
    // Letters, digits, spaces and the punctuation of plain sentences, including the characters
    // that are Markdown only at the start of a line or next to others.
    const plain = fc.stringMatching(/^[A-Za-z0-9 \t\u00a0\u3000,.;:'’"()?%$/=+éü中文-]{0,60}$/);
    fc.assert(
      fc.property(plain, (text) => {
        const withoutPositions = (nodes: unknown) =>
          JSON.parse(JSON.stringify(nodes, (key, value) => (key === 'position' ? undefined : value)));
        expect(withoutPositions(inline(text))).toEqual(withoutPositions(parsedInline(text)));
      }),
      { seed: Number(process.env.PROPERTY_SEED ?? 20261129), numRuns: 2000 },
    );
  });
});
