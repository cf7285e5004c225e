/**
 * The catalogue of every rule communique reports, by permanent id: the rules about a
 * communiqué's content (content-rules.ts), then those about several communiqués and about
 * the run around them. Ids never change meaning and are never reused: configs, CI
 * annotations and SARIF baselines refer to them.
 */
import { contentRules } from './content-rules.js';
import { inCategory, type RuleMeta } from './rule-meta.js';

export type { Category, RuleMeta } from './rule-meta.js';

const catalogue = [
  ...contentRules,
  // Across communiqués: reported when validate checks several at once
  ...inCategory('across', [
    {
      id: 'across/duplicate-id',
      title: 'Two communiqués share an id',
      severity: 'error',
      hint: 'Give each communiqué its own `id`: actions carried forward refer to it.',
    },
    {
      id: 'across/carried-from-unknown',
      title: 'An action is carried from a communiqué or action that does not exist',
      severity: 'error',
      hint: 'Correct `carried_from` to the id of the earlier communiqué and of the action in it.',
    },
    {
      id: 'across/carried-from-unapproved',
      title: 'An action is carried from a communiqué that is not yet approved',
      severity: 'warning',
      hint: 'Approve the earlier communiqué first, or check that the action will stay as carried.',
    },
    {
      id: 'across/action-vanished',
      title: 'An open action is missing from the group’s next approved communiqué',
      severity: 'error',
      hint: 'Carry the action forward with `carried_from`, or record it as `done` or `dropped`.',
    },
    {
      id: 'across/same-date',
      title: 'A group has two communiqués for one meeting date',
      severity: 'error',
      hint: 'Correct the meeting date, or keep one of the two communiqués.',
    },
    {
      id: 'across/number-sequence',
      title: 'A group’s meeting numbers are out of order',
      severity: 'error',
      hint: 'Number the group’s meetings in the order they were held.',
    },
  ]),

  // The action register (`communique actions`), which knows today's date; `validate` never does
  ...inCategory('register', [
    {
      id: 'action/overdue',
      title: 'An action is past its due date and still open',
      severity: 'warning',
      hint: 'Record its progress in the next communiqué: mark it done, set a new due date, or drop it.',
    },
  ]),
  // Rendering and export
  ...inCategory('render', [
    {
      id: 'render/template-missing',
      title: 'The template asked for does not exist',
      severity: 'error',
      hint: "Use one of the templates named in the message, or add it to the project's template folder.",
    },
    {
      id: 'render/template-broken',
      title: 'The template cannot be used',
      severity: 'error',
      hint: 'Correct the template: Handlebars syntax, and only fields the view model has (see the README).',
    },
    {
      id: 'render/image-outside-project',
      title: 'An image is outside the project',
      severity: 'error',
      hint: 'Keep images inside the project folder and refer to them with a relative path.',
    },
    {
      id: 'render/image-address',
      title: 'An image address cannot be used',
      severity: 'error',
      hint: 'Refer to the image by a path relative to the communiqué (complete any % escape, as in %20), or by an https:// address.',
    },
    {
      id: 'render/browser-missing',
      title: 'No browser to print a PDF with',
      severity: 'error',
      hint: 'Install Chromium or Google Chrome, or set CHROME_PATH to the browser’s executable.',
    },
    {
      id: 'render/reference-doc',
      title: 'The reference document cannot be used',
      severity: 'error',
      hint: 'Give --reference-doc (or export.reference_doc) a Word .docx file inside the project.',
    },
  ]),
  // The configuration
  ...inCategory('configuration', [
    {
      id: 'config/unreadable',
      title: 'The configuration file cannot be read',
      severity: 'error',
      hint: 'Check the path given to --config, or run without it to look for communique.config.json.',
    },
    {
      id: 'config/invalid',
      title: 'The configuration file is not valid',
      severity: 'error',
      hint: 'Correct communique.config.json; its schema is schemas/config.schema.json.',
    },
  ]),
  // How communique was asked to run
  ...inCategory('usage', [
    { id: 'usage/invalid-option', title: 'An option or argument is not valid', severity: 'error', hint: '' },
    { id: 'usage/no-input', title: 'There is nothing to work on', severity: 'error', hint: '' },
    {
      id: 'usage/missing-answer',
      title: 'A draft needs something communique was not told',
      severity: 'error',
      hint: 'Give it as a flag or in --answers, or run `communique new` on a terminal to be asked.',
    },
    {
      id: 'usage/max-warnings',
      title: 'There are more warnings than --max-warnings allows',
      severity: 'error',
      hint: 'Fix the warnings, or raise --max-warnings.',
    },
    { id: 'usage/cancelled', title: 'The command was cancelled at a prompt', severity: 'info', hint: '' },
    {
      id: 'usage/unknown-group',
      title: 'The group named is close to one communique knows, but is not it',
      severity: 'error',
      hint: 'Give the group as it is known, or add --new-group to start a new group of that name.',
    },
  ]),
  // Files found but not used
  ...inCategory('input', [
    {
      id: 'input/not-ready',
      title: 'A communiqué not yet approved is left out of an export',
      severity: 'info',
      hint: 'Approve it (status `approved` with `approval`) when it is ready, or export with --strict to check it now.',
    },
    {
      id: 'input/predecessor-unreadable',
      title: "The group's latest communiqué cannot be read, so nothing can be carried from it",
      severity: 'error',
      hint: 'Fix it (`communique validate` shows every problem) and draft again, or draft with --no-carry to carry nothing.',
    },
    {
      id: 'input/carried-from-unapproved',
      title: 'A draft is carried from a communiqué that is not yet approved',
      severity: 'warning',
      hint: 'Check the carried members and actions again once that communiqué is approved.',
    },
    {
      id: 'input/skipped',
      title: 'A file is skipped',
      severity: 'warning',
      hint: 'Run `communique validate` on it to see why.',
    },
  ]),
  // Writing files
  ...inCategory('write', [
    {
      id: 'write/refused',
      title: 'A file is left as it is',
      severity: 'error',
      hint: 'Use --force to replace it, or choose another --out.',
    },
    {
      id: 'write/failed',
      title: 'A file cannot be written',
      severity: 'error',
      hint: 'Check that the folder exists and can be written to.',
    },
  ]),
  // Importing old communiqués
  ...inCategory('import', [
    {
      id: 'import/unreadable',
      title: 'A source cannot be imported',
      severity: 'error',
      hint: 'Import plain text (.txt), Markdown (.md), web pages (.html), Word documents (.docx) or PDFs (.pdf).',
    },
    {
      id: 'import/binary',
      title:
        'A source is not text or a format communique reads (an image, an old .doc, UTF-16 without its byte-order mark)',
      severity: 'error',
      hint: 'Save it as plain text (UTF-8), Markdown, a web page, a Word document (.docx) or a PDF, and import that.',
    },
    {
      id: 'import/too-large',
      title: 'A source is larger than any communiqué: over 2 MB of text, or a Word document that unzips to over 100 MB',
      severity: 'error',
      hint: 'Import the communiqué on its own, not the archive or document it is part of.',
    },
    {
      id: 'import/not-a-communique',
      title:
        'A source does not read as a communiqué: no meeting that took place, or no decisions, actions or discussion',
      severity: 'error',
      hint: 'Import it anyway with --force if it is one.',
    },
    {
      id: 'import/already-a-communique',
      title: 'A source already has front matter: it is a communiqué, not one to import',
      severity: 'error',
      hint: 'Validate it with `communique validate`, or import it again with --force.',
    },
    {
      id: 'import/placeholder',
      title: 'The source does not state a field',
      severity: 'info',
      hint: '',
    },
  ]),
  // communique itself
  ...inCategory('internal', [
    {
      id: 'internal/error',
      title: 'communique failed while checking this file',
      severity: 'error',
      hint: 'This is a bug in communique: please report it with the file that caused it.',
    },
  ]),
] as const satisfies readonly RuleMeta[];

export type RuleId = (typeof catalogue)[number]['id'];

export const rules: readonly RuleMeta[] = catalogue;

const byId = new Map<string, RuleMeta>(catalogue.map((rule) => [rule.id, rule]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}

/** Where a rule is documented: the README's rule table has an anchor per id. */
export function ruleDocsAnchor(id: string): string {
  return `rule-${id.replace(/[^a-z0-9]+/g, '-')}`;
}
