/**
 * Turning Ajv's errors into diagnostics a secretariat officer can act on: each one in
 * plain words, at the offending key or value (for a missing field, the key of the object
 * that lacks it; for an unknown field, that field's key).
 */
import { closest, onlyClosest } from '../text.js';
import { unambiguousDate } from '../dates.js';
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Fix } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import type { RuleId } from '../../diagnostics/rules.js';

export type DataPath = (string | number)[];

interface SpanLike {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SchemaErrorContext {
  /** The data that was validated, to name list items by their id. */
  data: unknown;
  /** Where a path is in the file: its key or its value. */
  locate(path: DataPath, prefer: 'key' | 'value'): SpanLike;
  /** What the root is called in messages, e.g. `The front matter`. */
  rootName: string;
  /** A fix replacing the key or value at exactly a path, where the file can be edited. */
  replace?(path: DataPath, prefer: 'key' | 'value', text: string): Fix | undefined;
  /** The key or value at exactly a path as the file has it, where it can be read. */
  written?(path: DataPath, prefer: 'key' | 'value'): string | undefined;
}

type SchemaNode = Record<string, unknown>;

export function schemaDiagnostics(errors: readonly ErrorObject[], context: SchemaErrorContext): Diagnostic[] {
  // Errors inside a combination that carries its own message are explained by that
  // message; so are the `if` failures that merely say which branch applied.
  const explained = errors
    .filter(
      (error) =>
        (error.keyword === 'anyOf' || error.keyword === 'not' || error.keyword === 'oneOf') &&
        message(error.parentSchema),
    )
    .map((error) => error.schemaPath);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (explained.some((prefix) => error.schemaPath.startsWith(`${prefix}/`))) continue;
    // A value that is not even the right format need not also be told it has the wrong form.
    if (
      error.keyword === 'pattern' &&
      errors.some((other) => other.keyword === 'format' && other.instancePath === error.instancePath)
    )
      continue;
    const diagnostic = describe(error, context);
    if (!diagnostic) continue;
    const key = `${diagnostic.ruleId}|${diagnostic.line}|${diagnostic.column}|${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

function describe(error: ErrorObject, context: SchemaErrorContext): Diagnostic | undefined {
  const path = parsePointer(error.instancePath);
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const subject = label(path, context);
  // A number JavaScript cannot hold (5,000 digits, `.inf`, `.nan`) is described as the user wrote it.
  const quote = (value: unknown, where: DataPath = path) =>
    typeof value === 'number' && !Number.isFinite(value)
      ? quoteWritten(context.written?.(where, 'value') ?? String(value), true)
      : quoteValue(value);
  const at = (
    ruleId: RuleId,
    text: string,
    prefer: 'key' | 'value',
    hint?: string,
    where: DataPath = path,
    fix?: Fix,
  ) => makeDiagnostic(ruleId, text, context.locate(where, prefer), hint, fix);

  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const description = describedProperty(parent, missing);
      return at(
        'schema/required',
        `${capitalise(subject)} has no \`${missing}\``,
        'key',
        description ? `Add \`${missing}\`: ${lowerFirst(description)}` : `Add \`${missing}\`.`,
      );
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      // `null:`, `1:` and `[a, b]:` are keys the data holds as text (``, `1`, `[ a, b ]`): name them as written.
      const written = context.written?.([...path, extra], 'key');
      const asWritten = written !== undefined && written !== extra && !/^(["']).*\1$/s.test(written);
      const name = asWritten ? quoteWritten(written.replace(/\s+/g, ' ')) : `\`${extra}\``;
      const allowed = Object.keys((parent.properties ?? {}) as SchemaNode).filter((name) => name !== '$schema');
      const suggestion = closest(extra, allowed);
      // Renaming is certain only when one field is the close match and is not there already.
      const only = onlyClosest(extra, allowed);
      const present = error.data && typeof error.data === 'object' && only !== undefined && only in error.data;
      const fix = only && !present ? context.replace?.([...path, extra], 'key', only) : undefined;
      const where = path.length === 0 ? context.rootName.replace(/^The /, 'the ') : subject;
      if (extra === '' && !asWritten)
        return at(
          'schema/unknown-field',
          `A value in ${where} has no field name`,
          'key',
          'Write the field’s name before the `:`, or delete the line.',
          [...path, extra],
        );
      return at(
        'schema/unknown-field',
        `${name} is not a field of ${where}`,
        'key',
        suggestion
          ? `Did you mean \`${suggestion}\`?`
          : `The fields allowed here are: ${allowed.map((name) => `\`${name}\``).join(', ')}.`,
        [...path, extra],
        fix,
      );
    }
    case 'type': {
      const expected = ([] as string[]).concat(error.params.type as string | string[]).map(typeName);
      if (typeof error.data === 'number' && !Number.isFinite(error.data) && expected.some(isNumeric)) {
        // `.nan`, or digits too many for any number: "a whole number, not a number" would say nothing.
        const why = Number.isNaN(error.data) ? 'is not a number' : 'is too large to be read as a number';
        return at(
          'schema/type',
          `${capitalise(subject)} is ${quote(error.data)}, which ${why}`,
          'value',
          describedHint(parent) ?? 'Write an ordinary number.',
        );
      }
      const shown =
        error.data === null || error.data === undefined || typeof error.data === 'object'
          ? ''
          : ` (${quote(error.data).replace(/ \((.+ digits)\)$/, ', $1')})`;
      return at(
        'schema/type',
        `${capitalise(subject)} should be ${joinOr(expected)}, not ${typeName(typeOf(error.data))}${shown}`,
        'value',
        describedHint(parent),
      );
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      // Only the case is wrong: there is no doubt which value was meant.
      const recased =
        typeof error.data === 'string'
          ? allowed.find((value) => value.toLowerCase() === String(error.data).toLowerCase())
          : undefined;
      return at(
        'schema/enum',
        `${capitalise(subject)} is ${quote(error.data)}, which is not one of: ${allowed.join(', ')}`,
        'value',
        suggestion ? `Did you mean \`${suggestion}\`?` : describedHint(parent),
        path,
        recased ? context.replace?.(path, 'value', recased) : undefined,
      );
    }
    case 'const': {
      const allowed = error.params.allowedValue;
      // `"1"` and `1` print alike; when only the type differs, say so.
      const kind = typeName(typeOf(allowed)).replace(/^an? /, '');
      const text =
        typeof error.data !== typeof allowed && String(error.data) === String(allowed)
          ? `${capitalise(subject)} must be the ${kind} ${String(allowed)}, not the text ${JSON.stringify(error.data)}`
          : `${capitalise(subject)} is ${quote(error.data)}; it must be ${quote(allowed)}`;
      return at(
        'schema/enum',
        text,
        'value',
        typeof allowed === 'number'
          ? typeof error.data === 'string'
            ? `Write it without quotes: \`${path.join('.')}: ${allowed}\`.`
            : `Write \`${path.join('.')}: ${allowed}\`.`
          : describedHint(parent),
      );
    }
    case 'format': {
      const format = String(error.params.format);
      if (format === 'date') {
        const shaped = typeof error.data === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(error.data);
        const iso = typeof error.data === 'string' && !shaped ? unambiguousDate(error.data) : undefined;
        return at(
          'schema/date',
          shaped
            ? `${capitalise(subject)} is ${quote(error.data)}, which is not a real calendar date`
            : `${capitalise(subject)} is ${quote(error.data)}, which is not a date in YYYY-MM-DD form`,
          'value',
          iso
            ? `Write it as ${iso}.`
            : 'Write the date as YYYY-MM-DD, e.g. 2021-11-16, and check the day exists in that month.',
          path,
          iso ? context.replace?.(path, 'value', iso) : undefined,
        );
      }
      const formatNames: Record<string, string> = { email: 'an email address', uri: 'a full web address (https://…)' };
      return at(
        'schema/format',
        `${capitalise(subject)} is ${quote(error.data)}, which is not ${formatNames[format] ?? `a valid ${format}`}`,
        'value',
        describedHint(parent),
      );
    }
    case 'pattern': {
      const advice = typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : undefined;
      return at(
        'schema/pattern',
        `${capitalise(subject)} is ${quote(error.data)}, which is not in the expected form`,
        'value',
        advice ? `${capitalise(advice)}.` : describedHint(parent),
      );
    }
    case 'minLength':
      return at('schema/range', `${capitalise(subject)} is empty`, 'value', describedHint(parent));
    case 'maxLength':
      return at(
        'schema/range',
        `${capitalise(subject)} is longer than ${error.params.limit} characters`,
        'value',
        describedHint(parent),
      );
    case 'minItems':
      return at('schema/range', `${capitalise(subject)} is an empty list`, 'value', describedHint(parent));
    case 'minProperties':
      return at('schema/range', `${capitalise(subject)} has no fields`, 'value', describedHint(parent));
    case 'minimum':
    case 'exclusiveMinimum':
      return at(
        'schema/range',
        `${capitalise(subject)} is ${quote(error.data)}; it must be at least ${error.params.limit}`,
        'value',
        describedHint(parent),
      );
    case 'maximum':
    case 'exclusiveMaximum':
      return at(
        'schema/range',
        `${capitalise(subject)} is ${quote(error.data)}; it must be at most ${error.params.limit}`,
        'value',
        describedHint(parent),
      );
    case 'uniqueItems': {
      const items = Array.isArray(error.data) ? error.data : [];
      // Ajv scans from the end: `j` is the later of the two equal items, the one to remove.
      const index = Number(error.params.j);
      return at(
        'schema/range',
        `${capitalise(subject)} lists ${quote(items[index], [...path, index])} more than once`,
        'value',
        'List each entry once.',
        [...path, index],
      );
    }
    case 'propertyNames':
      return undefined; // reported by the pattern error on the name itself, below
    case 'anyOf':
    case 'oneOf':
    case 'not': {
      const text = message(error.parentSchema);
      if (!text) return at('schema/combination', `${capitalise(subject)} does not fit any of the allowed forms`, 'key');
      // The schema's own message names its subject ("the meeting needs a `date`…").
      return at('schema/combination', capitalise(text), 'key');
    }
    default:
      return at('schema/combination', `${capitalise(subject)} is not valid here (${error.keyword})`, 'value');
  }
}

function message(schema: unknown): string | undefined {
  if (schema && typeof schema === 'object' && typeof (schema as SchemaNode).errorMessage === 'string') {
    return (schema as SchemaNode).errorMessage as string;
  }
  return undefined;
}

function describedProperty(schema: SchemaNode, name: string): string | undefined {
  const property = ((schema.properties ?? {}) as Record<string, SchemaNode>)[name];
  if (!property) {
    // A conditional `then: { required: [...] }` has no properties of its own.
    return undefined;
  }
  return typeof property.description === 'string' ? property.description : undefined;
}

function describedHint(schema: SchemaNode): string | undefined {
  return typeof schema.description === 'string' ? schema.description : undefined;
}

/** `/attendees/2/kind` → `['attendees', 2, 'kind']`, per RFC 6901. */
export function parsePointer(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

const ITEM_NOUNS: Record<string, string> = {
  attendees: 'attendee',
  agreements: 'agreement',
  actions: 'action',
};

/**
 * A path as a user would say it: `meeting.date`, `kind` of attendee `ray-griggs`,
 * `owner` of action 3 (when the action has no id to name it by).
 */
export function label(path: DataPath, context: SchemaErrorContext): string {
  if (path.length === 0) return context.rootName;
  const [head, index, ...rest] = path;
  const noun = typeof head === 'string' ? ITEM_NOUNS[head] : undefined;
  if (noun && typeof index === 'number') {
    const item = (context.data as Record<string, unknown[]> | undefined)?.[head as string]?.[index] as
      | Record<string, unknown>
      | undefined;
    const name = item && typeof item.id === 'string' && item.id !== '' ? `\`${item.id}\`` : String(index + 1);
    const thing = `${noun} ${name}`;
    return rest.length === 0 ? thing : `${dotted(rest)} of ${thing}`;
  }
  return dotted(path);
}

function dotted(path: DataPath): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part + 1}]` : text === '' ? part : `.${part}`;
  return `\`${text}\``;
}

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeName(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a set of fields';
    case 'null':
      return 'empty';
    default:
      return type;
  }
}

function isNumeric(name: string): boolean {
  return name === typeName('integer') || name === typeName('number');
}

function quoteValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return quoteWritten(String(value), true);
  return quoteWritten(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
}

/**
 * Text in backticks, shortened to 60 characters; a long number also says how many digits
 * it has, which is the point when it has 5,000 of them.
 */
function quoteWritten(text: string, number = false): string {
  const { quoted, digits } = writtenParts(text, number);
  return digits ? `${quoted} (${digits})` : quoted;
}

/** The text in backticks, and for a number too long to show, how many digits it has. */
function writtenParts(text: string, number: boolean): { quoted: string; digits?: string } {
  const digits = number && text.length > 60 ? (text.match(/\d/g) ?? []).length : 0;
  const short = text.length > 60 ? `${text.slice(0, digits > 0 ? 20 : 57)}…` : text;
  const quoted = `\`${short.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
  return digits > 0 ? { quoted, digits: `${digits.toLocaleString('en')} digits` } : { quoted };
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.startsWith('`') ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
