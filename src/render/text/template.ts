import Handlebars from 'handlebars';
import type { PrecompiledTemplate } from '../../generated/templates.js';
import type { PersonView, ViewModel } from '../view-model.js';
import { withoutControls } from '../controls.js';
import { type Punctuation, punctuationFor } from '../labels/index.js';
import { bodyText, inlineText, linksOf, textContext } from './body.js';
import { columns, TEXT_WIDTH, wrapText } from './wrap.js';

/**
 * The communiqué as plain text: the body is laid out in code (body.ts); the parts that
 * come from the front matter are laid out by a Handlebars template with the helpers
 * below, so a project can rearrange them.
 */
/**
 * Helpers for text templates (a separate Handlebars instance: the HTML one escapes).
 *
 * - `{{underline text "="}}`: the text, and under it a line of the character as long as
 *   it (`-` when no character is given); a text too long for a line is wrapped first.
 * - `{{wrap text}}` or `{{#wrap}}…{{/wrap}}`: the text filled to 72 columns. Its own line
 *   breaks are kept (in the block form, each line of the block is a line). Options:
 *   `indent=N` indents every line after the first by N (a hanging indent); `margin=N`
 *   indents every line; `label="AGR-1"` starts the first line with the label and two
 *   spaces and hangs the rest under the text; `column=N` puts that text at column N at
 *   least; `width=N` fills to N columns instead of 72. The block form keeps the block's
 *   trailing newline.
 * - `{{#fact "Date"}}…{{/fact}}` or `{{fact "Date" value}}`: `Date:` and the value in a
 *   column at 12 (or `column=N`), as for the meeting facts.
 * - `{{person this}}`: one attendee as `Full Name — role, organisation; representing …`.
 * - `{{plural list "Owner" "Owners"}}`: the first word for one item, the second for more.
 */
const templates = Handlebars.create();

type Options = Handlebars.HelperOptions;

function splitArgs(args: unknown[]): { values: unknown[]; options: Options } {
  return { values: args.slice(0, -1), options: args.at(-1) as Options };
}

function asText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function number(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function filled(content: string, hash: Record<string, unknown>): string {
  const margin = ' '.repeat(number(hash.margin, 0));
  const label = hash.label === undefined ? '' : asText(hash.label);
  const hang = label ? Math.max(number(hash.column, 0), columns(label) + 2) : number(hash.indent, 0);
  const first = margin + (label ? label + ' '.repeat(hang - columns(label)) : '');
  const rest = margin + ' '.repeat(hang);
  const lines = content.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  return wrapText(lines, number(hash.width, TEXT_WIDTH), first, rest).join('\n');
}

function blockOr(this: unknown, values: unknown[], options: Options): { content: string; block: boolean } {
  if (values.length > 0 || !options.fn) return { content: asText(values[0]), block: false };
  return { content: options.fn(this), block: true };
}

templates.registerHelper('underline', (...args: unknown[]) => {
  const { values } = splitArgs(args);
  const char = asText(values[1]).charAt(0) || '-';
  const lines = wrapText(asText(values[0]).replace(/\s+/g, ' ').trim());
  return [...lines, char.repeat(Math.min(TEXT_WIDTH, Math.max(0, ...lines.map(columns))))].join('\n');
});

templates.registerHelper('wrap', function (this: unknown, ...args: unknown[]) {
  const { values, options } = splitArgs(args);
  const { content, block } = blockOr.call(this, values, options);
  return filled(content, options.hash) + (block && content.endsWith('\n') ? '\n' : '');
});

templates.registerHelper('fact', function (this: unknown, ...args: unknown[]) {
  const { values, options } = splitArgs(args);
  const { content, block } = blockOr.call(this, values.slice(1), options);
  const hash = {
    ...options.hash,
    label: `${asText(values[0])}${rootPunctuation(options).colon}`,
    column: number(options.hash.column, 12),
  };
  return filled(content, hash) + (block && content.endsWith('\n') ? '\n' : '');
});

templates.registerHelper('person', (person: PersonView, options: Options) => {
  const details = [person.description, person.tookPart].filter(Boolean);
  return details.length > 0
    ? `${person.fullName} — ${details.join(rootPunctuation(options).semicolon)}`
    : person.fullName;
});

/** The punctuation of the document being rendered (the view model's), for helpers that write labels and lists. */
function rootPunctuation(options: Options): Punctuation {
  return (options.data?.root as { punctuation?: Punctuation } | undefined)?.punctuation ?? punctuationFor('en');
}

/** `[1] https://…`, or the number alone and the address on the next line when the address is longer than a line. */
templates.registerHelper('link', (link: { number: number; url: string }) => {
  const label = `[${link.number}]`;
  return columns(`${label} ${link.url}`) > TEXT_WIDTH ? `${label}\n${link.url}` : `${label} ${link.url}`;
});

templates.registerHelper('plural', (...args: unknown[]) => {
  const { values } = splitArgs(args);
  const count = Array.isArray(values[0]) ? values[0].length : Number(values[0]);
  return asText(count === 1 ? values[1] : values[2]);
});

/** A text template, compiled once for a whole run: from its source, or (a bundled one) as compiled at build time. */
export function compileTextTemplate(source: string, precompiled?: PrecompiledTemplate): Handlebars.TemplateDelegate {
  return precompiled ? templates.template(precompiled) : templates.compile(source, { noEscape: true, strict: true });
}

/**
 * The communiqué as plain text from a text template. The template sees the view with
 * `body` as laid-out text and `links` as the footnoted URLs (`{{number}}`, `{{url}}`) for
 * its Links section. Runs of blank lines a template leaves where a section was left out
 * become one, trailing spaces go, and the text ends with exactly one newline.
 */
export function renderText(view: ViewModel, template: Handlebars.TemplateDelegate): string {
  const context = textContext();
  const body = bodyText(view.body, TEXT_WIDTH, context);
  const agreements = view.agreements.map((agreement) => ({
    ...agreement,
    text: inlineText(agreement.phrasing, context),
  }));
  const actions = view.actions.map((action) => ({ ...action, text: inlineText(action.phrasing, context) }));
  const output = template({
    ...view,
    body: body.text,
    agreements,
    actions,
    notes: context.notes,
    links: linksOf(context),
  });
  return `${withoutControls(output)
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t]*\uE001/g, '')
    .replace(/^\n+/, '')
    .trimEnd()}\n`;
}
