import type { Severity } from './diagnostic.js';

/**
 * The catalogue of every rule communique reports, by permanent id. Ids never change
 * meaning and are never reused: configs, CI annotations and SARIF baselines refer to them.
 * Each entry says what the rule checks (title), why it matters and what to do (hint).
 */
/** What a rule is about: a communiqué's content, or the run around it. */
export type Category =
  | 'content'
  | 'across'
  | 'register'
  | 'render'
  | 'configuration'
  | 'usage'
  | 'input'
  | 'write'
  | 'import'
  | 'internal';

export interface RuleMeta {
  id: string;
  category: Category;
  title: string;
  severity: Severity;
  /** Default advice; a diagnostic may carry a more specific hint. Empty when the message itself says what to do. */
  hint: string;
  /**
   * A rule whose severity follows the document's lifecycle stage: reported as a warning
   * while the document is a `draft` or in `review`, as an error from `approved` on.
   */
  stageDependent?: boolean;
}

/** The entries of one category, with their literal ids kept for `RuleId`. */
function inCategory<const C extends Category, const E extends readonly Omit<RuleMeta, 'category'>[]>(
  category: C,
  entries: E,
): { [K in keyof E]: E[K] & { category: C } } {
  return entries.map((entry) => ({ ...entry, category })) as { [K in keyof E]: E[K] & { category: C } };
}

const catalogue = [
  // Reading the file
  ...inCategory('content', [
    {
      id: 'document/unreadable',
      title: 'The file cannot be read',
      severity: 'error',
      hint: 'Check that the path names a readable file.',
    },
    {
      id: 'document/empty',
      title: 'The file is empty',
      severity: 'error',
      hint:
        'Start the file with a front matter block: a line with `---`, the YAML fields, and another `---` line. ' +
        '`communique new` writes one for you.',
    },
    {
      id: 'document/binary',
      title: 'The file is not text',
      severity: 'error',
      hint: 'Communiqués are UTF-8 Markdown files. Use `communique import` for Word documents.',
    },
    {
      id: 'document/too-large',
      title: 'The file is too large to be a communiqué',
      severity: 'error',
      hint: 'Check that the path names a communiqué and not an archive or data file.',
    },
    {
      id: 'document/encoding',
      title: 'The file is not valid UTF-8',
      severity: 'error',
      hint: 'Save the file as UTF-8 (in Word or most editors: Save As, Encoding, UTF-8).',
    },
  ]),
  // Front matter
  ...inCategory('content', [
    {
      id: 'frontmatter/missing',
      title: 'The file has no front matter',
      severity: 'error',
      hint: 'Start the file with a line containing only `---`, then the YAML fields, then another `---` line.',
    },
    {
      id: 'frontmatter/language',
      title: 'The front matter is not YAML',
      severity: 'error',
      hint: 'Open the front matter with a line containing only `---`. Front matter in other languages is never run.',
    },
    {
      id: 'frontmatter/unterminated',
      title: 'The front matter is never closed',
      severity: 'error',
      hint: 'Add a line containing only `---` after the last front matter field.',
    },
    {
      id: 'frontmatter/not-a-mapping',
      title: 'The front matter is not a set of fields',
      severity: 'error',
      hint: 'Write the front matter as `field: value` lines, starting with `schema_version: 1`.',
    },
  ]),
  // YAML
  ...inCategory('content', [
    {
      id: 'yaml/syntax',
      title: 'The front matter is not valid YAML',
      severity: 'error',
      hint: 'Check indentation, quotes and brackets near this position.',
    },
    {
      id: 'yaml/duplicate-key',
      title: 'A field is given twice',
      severity: 'error',
      hint: 'Keep one of the two values and delete the other line.',
    },
    {
      id: 'yaml/tab-indent',
      title: 'A tab is used for indentation',
      severity: 'error',
      hint: 'YAML indents with spaces only: replace the tab with spaces.',
    },
    {
      id: 'yaml/alias-limit',
      title: 'The front matter expands YAML aliases too many times',
      severity: 'error',
      hint: 'Write values out instead of using `&anchors` and `*aliases`.',
    },
    {
      id: 'yaml/forbidden-key',
      title: 'A field name is not allowed',
      severity: 'error',
      hint: 'Rename or remove the field.',
    },
  ]),
  // Schema
  ...inCategory('content', [
    { id: 'schema/required', title: 'A required field is missing', severity: 'error', hint: 'Add the field.' },
    {
      id: 'schema/unknown-field',
      title: 'A field is not part of the communiqué format',
      severity: 'error',
      hint: 'Check the spelling against the fields the format allows.',
    },
    {
      id: 'schema/type',
      title: 'A value has the wrong type',
      severity: 'error',
      hint: 'Change the value to the expected type.',
    },
    {
      id: 'schema/enum',
      title: 'A value is not one of the allowed values',
      severity: 'error',
      hint: 'Use one of the allowed values.',
    },
    {
      id: 'schema/date',
      title: 'A date is not a real calendar date in YYYY-MM-DD form',
      severity: 'error',
      hint: 'Write dates as YYYY-MM-DD, e.g. 2021-11-16.',
    },
    {
      id: 'schema/format',
      title: 'A value is not in the expected format',
      severity: 'error',
      hint: 'Correct the value.',
    },
    {
      id: 'schema/pattern',
      title: 'A value is not in the expected form',
      severity: 'error',
      hint: 'Correct the value.',
    },
    {
      id: 'schema/range',
      title: 'A value is too short, too long, too small or too large',
      severity: 'error',
      hint: 'Correct the value.',
    },
    {
      id: 'schema/combination',
      title: 'Fields are combined in a way the format does not allow',
      severity: 'error',
      hint: 'Correct the combination of fields.',
    },
  ]),
  // Communiqué rules
  ...inCategory('content', [
    {
      id: 'id/duplicate',
      title: 'Two entries share an id',
      severity: 'error',
      hint: 'Give each attendee, agreement and action its own id.',
    },
    {
      id: 'meeting/chair-unknown',
      title: 'The chair is not among the attendees',
      severity: 'error',
      hint: 'Add the chair to `attendees`, or correct the id in `meeting.chair`.',
    },
    {
      id: 'meeting/chair-missing',
      title: 'An approved communiqué does not say who chaired',
      severity: 'error',
      hint: 'Set `meeting.chair` to the chair’s attendee id, or say in `meeting.chair_note` why no chair can be named.',
    },
    {
      id: 'meeting/chair-absent',
      title: 'The chair did not attend',
      severity: 'error',
      hint: "Correct the chair's attendance, or name who chaired the meeting in their place.",
    },
    {
      id: 'meeting/date-order',
      title: 'The meeting ends before it starts',
      severity: 'error',
      hint: 'Check `meeting.start` and `meeting.end`.',
    },
    {
      id: 'meeting/next-before-meeting',
      title: 'The next meeting is not after this one',
      severity: 'error',
      hint: 'Check `next_meeting.date` and the meeting date.',
    },
    {
      id: 'attendee/conflicting-attendance',
      title: 'A person is recorded as both attending and not attending',
      severity: 'error',
      hint: 'List each person once, with the attendance that is true.',
    },
    {
      id: 'attendee/proxy-unknown',
      title: 'A proxy stands in for someone who is not listed',
      severity: 'error',
      hint: 'Add the member the proxy stood in for to `attendees`, or correct `proxy_for`.',
    },
    {
      id: 'action/owner-unknown',
      title: 'An action owner is neither an attendee nor a known organisation',
      severity: 'error',
      hint: "Use an attendee id, an attendee's organisation, or add the organisation to `organisations` in communique.config.json.",
    },
    {
      id: 'action/due-format',
      title: 'A due date is written in a form that cannot be checked',
      severity: 'warning',
      hint: 'Write due dates as YYYY-MM-DD; phrases such as `next meeting` are fine too.',
    },
    {
      id: 'action/due-before-meeting',
      title: 'An action is due on or before the meeting',
      severity: 'error',
      hint: 'Check the due date: actions are due after the meeting that set them.',
    },
    {
      id: 'lifecycle/approval-missing',
      title: 'An approved document does not record its approval',
      severity: 'error',
      hint: 'Add `approval:` with `by:` and `date:`, or set `status:` back to `review`.',
    },
    {
      id: 'lifecycle/publication-date-missing',
      title: 'A published document has no publication date',
      severity: 'error',
      hint: 'Add `published: YYYY-MM-DD`.',
    },
    {
      id: 'lifecycle/date-order',
      title: 'A communiqué is approved before its meeting, or published before its approval',
      severity: 'error',
      hint: 'Check `approval.date` and `published` against the meeting date.',
    },
    {
      id: 'lifecycle/placeholder',
      title: 'The document still contains a placeholder',
      severity: 'error',
      hint: 'Replace the placeholder with the final text before approval.',
      stageDependent: true,
    },
    {
      id: 'lifecycle/word-artefact',
      title: 'The document contains a Word conversion artefact',
      severity: 'error',
      hint: 'Delete the artefact; it is left over from converting a Word document.',
      stageDependent: true,
    },
    {
      id: 'body/heading-level-one',
      title: 'The body has a level-one heading',
      severity: 'error',
      hint: 'The title is the only level-one heading: start topic sections with `##`.',
    },
    {
      id: 'body/heading-skip',
      title: 'A heading skips a level',
      severity: 'error',
      hint: 'Use the next heading level down, so that screen readers and tables of contents follow the structure.',
    },
    {
      id: 'body/date-mismatch',
      title: 'The body gives a meeting date that differs from the front matter',
      severity: 'warning',
      hint: 'Correct the date in the body or in `meeting`.',
    },
    {
      id: 'body/mode-mismatch',
      title: 'The body says the meeting was held differently from `meeting.mode`',
      severity: 'warning',
      hint: 'Correct the body or `meeting.mode`.',
    },
    {
      id: 'body/place-mismatch',
      title: 'The body names a different place for the meeting from `meeting.place`',
      severity: 'warning',
      hint: 'Correct the body or `meeting.place`.',
    },
  ]),
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
  ]),
  // Files found but not used
  ...inCategory('input', [
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
      hint: 'Import plain text (.txt), Markdown (.md) or Word (.docx) files.',
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
