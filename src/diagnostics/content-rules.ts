/**
 * The rules about a communiqué's content — reading the file, its front matter, its YAML,
 * the schema and the communiqué rules — in the order `validate` reports them.
 */
import { inCategory, type RuleMeta } from './rule-meta.js';

export const contentRules = [
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
      id: 'document/too-many-problems',
      title: 'The file has more problems than are listed one by one',
      severity: 'error',
      hint: 'Correct the problems listed; then check the file again to see the rest.',
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
      id: 'yaml/nesting-limit',
      title: 'The front matter nests lists or sets of fields too deeply',
      severity: 'error',
      hint: 'Use a few levels of brackets and indentation at most: no field of a communiqué needs more.',
    },
    {
      id: 'yaml/forbidden-key',
      title: 'A field name is not allowed',
      severity: 'error',
      hint: 'Rename or remove the field.',
    },
    {
      id: 'yaml/tag',
      title: 'A value carries a YAML tag communique does not accept',
      severity: 'error',
      hint: 'Remove the tag (`!!timestamp`, `!!binary`, `!name`…) and write the value as plain text; dates as YYYY-MM-DD.',
    },
    {
      id: 'yaml/anchor-colon',
      title: 'A YAML anchor or alias name ends in a colon',
      severity: 'warning',
      hint: 'Remove the `:` from the end of the name, on the anchor and on every alias to it.',
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
      // A draft (an import above all) may name an owner as the minutes wrote it, before the
      // organisation is added to the configuration: a warning until approval.
      stageDependent: true,
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
      id: 'field/block-markdown',
      title: 'An agreement or action holds a list, heading or second paragraph',
      severity: 'error',
      hint: 'Keep the text to one paragraph (emphasis and links are fine); put a longer account in the body.',
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
] as const satisfies readonly RuleMeta[];
