/**
 * The labels of one rendering: the catalogue for the document's language (matched whole,
 * then by language and script, then by language), a project's own overrides on top, and
 * English for whatever is left. A label that came from English in a document that is not
 * English says so, so that HTML can mark it `lang="en"` (WCAG 3.1.2) and Word `w:lang`.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUES, ENGLISH, type Messages } from './catalogues.js';

/** A project's own labels, by language tag: `{ "en": { "agreements": "Decisions" } }`. */
export type LabelOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface Labels {
  /** The document's language. */
  lang: string;
  /** The message for `key`, formatted. */
  t(key: string, values?: Record<string, string | number>): string;
  /** Whether `key` fell back to English in a document that is not in English. */
  english(key: string): boolean;
  /** Whether the document's language has no catalogue of its own (every label is English). */
  fallback: boolean;
}

const compiled = new Map<string, IntlMessageFormat>();

function format(message: string, locale: string): IntlMessageFormat {
  const key = `${locale}\u0000${message}`;
  let found = compiled.get(key);
  if (!found) {
    found = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
    compiled.set(key, found);
  }
  return found;
}

/** The catalogue for a language tag, or undefined when there is none. */
export function catalogueFor(lang: string): Messages | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    return undefined;
  }
  // Traditional Chinese is not Simplified Chinese: without a catalogue of its own it falls back to English.
  if (locale.language === 'zh' && (locale.script === 'Hant' || /^(TW|HK|MO)$/.test(locale.region ?? '')))
    return undefined;
  const candidates = [
    lang,
    locale.script ? `${locale.language}-${locale.script}` : undefined,
    locale.region ? `${locale.language}-${locale.region}` : undefined,
    locale.language,
  ];
  for (const candidate of candidates) if (candidate && CATALOGUES[candidate]) return CATALOGUES[candidate];
  return undefined;
}

function overridesFor(lang: string, overrides: LabelOverrides | undefined): Messages {
  if (!overrides) return {};
  const language = lang.split('-')[0]!;
  return { ...(overrides[language] ?? {}), ...(lang !== language ? (overrides[lang] ?? {}) : {}) };
}

/** ICU select keys cannot hold hyphens: `in-person` is selected as `in_person`. */
const SELECTORS = new Set(['mode', 'status', 'stage', 'attendance', 'kind', 'verb', 'format']);

function selectable(values: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values))
    out[key] = SELECTORS.has(key) && typeof value === 'string' ? value.replace(/-/g, '_') : value;
  return out;
}

/** Labels by language for the run's overrides: built once, not for every file and format. */
const made = new WeakMap<object, Map<string, Labels>>();
const NO_OVERRIDES = {};

export function labelsFor(lang: string, overrides?: LabelOverrides): Labels {
  const byLang = made.get(overrides ?? NO_OVERRIDES) ?? new Map<string, Labels>();
  made.set(overrides ?? NO_OVERRIDES, byLang);
  let labels = byLang.get(lang);
  if (!labels) {
    labels = makeLabels(lang, overrides);
    byLang.set(lang, labels);
  }
  return labels;
}

/** Formatted messages kept per language: enough for every label with the values of many documents. */
const KEPT_MESSAGES = 4096;

function makeLabels(lang: string, overrides?: LabelOverrides): Labels {
  const english = lang.toLowerCase() === 'en' || lang.toLowerCase().startsWith('en-');
  const own = catalogueFor(lang);
  const project = overridesFor(lang, overrides);
  const projectEnglish = english ? {} : overridesFor('en', overrides);
  const locale = Intl.NumberFormat.supportedLocalesOf([lang]).length > 0 ? lang : 'en';
  const source = (key: string): { message: string; english: boolean } => {
    const message = project[key] ?? own?.[key];
    if (message !== undefined) return { message, english: false };
    return { message: projectEnglish[key] ?? ENGLISH[key] ?? key, english: !english };
  };
  // Every document of a run asks for the same labels, most with the same values: a
  // formatted message is kept rather than formatted again (a third of building a view).
  const done = new Map<string, string>();
  return {
    lang,
    fallback: !english && own === undefined,
    t(key, values) {
      let asked = key;
      // Values come from front matter cleaned of control characters, so these separators
      // cannot occur inside one.
      if (values) for (const name in values) asked += `\u0000${name}\u0001${typeof values[name]}${values[name]}`;
      const kept = done.get(asked);
      if (kept !== undefined) return kept;
      const { message, english: inEnglish } = source(key);
      const result = format(message, inEnglish ? 'en' : locale).format(values && selectable(values));
      const text = Array.isArray(result) ? result.join('') : String(result);
      if (done.size >= KEPT_MESSAGES) done.clear();
      done.set(asked, text);
      return text;
    },
    english: (key) => source(key).english,
  };
}

/**
 * The punctuation around labels and lists, as the document's script sets it: full-width in
 * Chinese and Japanese ("批准：", "主任，办事处", "（园委）"), a no-break space before a French
 * colon or semicolon ("Contact : "), and ASCII with a following space elsewhere.
 */
export interface Punctuation {
  /** After a label, where the template puts a space itself: ":", "\u00a0:", "：". */
  colon: string;
  /** After a label: "Agreed: ", "Contact : ", "批准：". */
  colonSpace: string;
  /** Between the parts of a description: "Director, Department of …". */
  comma: string;
  /** Between groups of parts: "Director, Department; representing …". */
  semicolon: string;
  /** Around a short name: "Gardening Committee (GC)", "园艺委员会（园委）". */
  open: string;
  close: string;
}

const ASCII: Punctuation = { colon: ':', colonSpace: ': ', comma: ', ', semicolon: '; ', open: ' (', close: ')' };
const FULL_WIDTH: Punctuation = {
  colon: '：',
  colonSpace: '：',
  comma: '，',
  semicolon: '；',
  open: '（',
  close: '）',
};
const FRENCH: Punctuation = { ...ASCII, colon: '\u00a0:', colonSpace: '\u00a0: ', semicolon: '\u00a0; ' };

export function punctuationFor(lang: string): Punctuation {
  let found = punctuations.get(lang);
  if (!found) {
    const language = lang.split('-')[0]!.toLowerCase();
    found = language === 'zh' || language === 'ja' ? FULL_WIDTH : language === 'fr' ? FRENCH : ASCII;
    punctuations.set(lang, found);
  }
  return found;
}
const punctuations = new Map<string, Punctuation>();
