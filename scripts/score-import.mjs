// `npm run score:import`: how well `communique import` reads the development set in
// test/import-dev/ — short communiqués (and a few documents that are not communiqués) written
// for this project, each beside `NAME.expected.yaml`, the fields a careful reader finds in it.
// Prints precision and recall per field. A field the source does not state is left out of the
// expected file, so a value the importer writes there anyway (not marked as a placeholder)
// counts against its precision.
//
//   node scripts/score-import.mjs [--verbose] [--json] [--case NAME]
//
// The importer is bundled from src/ with rolldown (packages stay external), so no build of the
// CLI is needed and the figures are those of the working tree.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEV_SET = join(root, 'test/import-dev');

/** The cases: each source with its expected fields. */
export function loadCases(folder = DEV_SET) {
  const names = readdirSync(folder);
  return names
    .filter((name) => name.endsWith('.expected.yaml'))
    .sort()
    .map((expectedName) => {
      const stem = expectedName.slice(0, -'.expected.yaml'.length);
      const source = names.find((name) => name !== expectedName && name.startsWith(`${stem}.`));
      if (!source) throw new Error(`${expectedName} has no source beside it`);
      return {
        name: stem,
        source,
        path: join(folder, source),
        extension: extname(source).toLowerCase(),
        expected: parse(readFileSync(join(folder, expectedName), 'utf8')) ?? {},
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Comparing

const HONORIFIC = /^(?:the|its|their|our)\s+/;

/** Text compared as a reader would: case, accents, punctuation, quotes and spacing do not count. */
export function norm(text) {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[–—‑]/g, '-')
    .replace(/[^\p{L}\p{N}'\-/ ]+/gu, ' ')
    .replace(/(?:^|\s)-+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(HONORIFIC, '');
}

const alternatives = (value) => (Array.isArray(value) ? value : [value]);
const same = (expected, found) =>
  found !== undefined && alternatives(expected).some((one) => norm(one) === norm(found));

const PLACEHOLDER = /\b(?:TODO|TBC|TBA|TBD)\b/;
const GROUP_REFERENCE =
  /^(?:we|members|ministers|delegates|leaders|directors|councillors|participants|partners|first ministers|chief officers|(?:the )?(?:group|council|committee|board|roundtable|forum|taskforce|network|panel|commission|alliance|partnership|assembly|cabinet|authority|association|trust|consortium|state council|meeting|executive|steering committee|national cabinet)|council)$/;

/** What the draft states for a field: undefined when it is absent, a placeholder, or marked as one. */
function stated(value, path, draft) {
  if (value === undefined || value === null) return undefined;
  if (draft.placeholders.has(path)) return undefined;
  if (typeof value === 'string' && PLACEHOLDER.test(value)) return undefined;
  return value;
}

function counter() {
  return { tp: 0, fp: 0, fn: 0 };
}

/** A value the source states (or not), against what the draft says. */
function scoreScalar(count, expected, found, misses, label) {
  if (expected === undefined || expected === null) {
    if (found !== undefined) {
      count.fp++;
      misses.push(`${label}: invented ${JSON.stringify(found)}`);
    }
    return;
  }
  if (found === undefined) {
    count.fn++;
    misses.push(`${label}: missed ${JSON.stringify(expected)}`);
  } else if (same(expected, found)) count.tp++;
  else {
    count.fp++;
    count.fn++;
    misses.push(`${label}: ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  }
}

/** Pairs each expected item with at most one found item, in order. */
function pair(expectedItems, foundItems, matches) {
  const used = new Set();
  const pairs = [];
  for (const expected of expectedItems) {
    const index = foundItems.findIndex((found, at) => !used.has(at) && matches(expected, found));
    if (index !== -1) used.add(index);
    pairs.push([expected, index === -1 ? undefined : foundItems[index]]);
  }
  const unpaired = foundItems.filter((_, at) => !used.has(at));
  return { pairs, unpaired };
}

function scoreSet(count, expectedItems, foundItems, matches, misses, label, show) {
  const { pairs, unpaired } = pair(expectedItems, foundItems, matches);
  for (const [expected, found] of pairs) {
    if (found) count.tp++;
    else {
      count.fn++;
      misses.push(`${label}: missed ${show(expected)}`);
    }
  }
  count.fp += unpaired.length;
  for (const found of unpaired) misses.push(`${label}: extra ${JSON.stringify(found)}`);
  return pairs;
}

const contains = (text, phrase) => norm(text).includes(norm(phrase));

// ---------------------------------------------------------------------------------------------
// Scoring one draft

export const FIELDS = [
  'verdict',
  'title',
  'group',
  'short_name',
  'date',
  'mode',
  'place',
  'chairs',
  'attendees',
  'attendance',
  'agreements',
  'agreement verbs',
  'actions',
  'action owners',
  'action due',
  'next meeting',
  'artefacts removed',
];

/**
 * `draft`: { data, body, text, placeholders: string[] (paths joined with dots), notCommunique: boolean }.
 * Returns counts per field and the misses, in words.
 */
export function scoreDraft(expected, draft) {
  const counts = Object.fromEntries(FIELDS.map((field) => [field, counter()]));
  const misses = [];
  const flagged = Boolean(draft.notCommunique);
  const isCommunique = expected.communique !== false;
  // The verdict: "not a communiqué" is the thing flagged.
  if (!isCommunique && flagged) counts.verdict.tp++;
  else if (!isCommunique) {
    counts.verdict.fn++;
    misses.push('verdict: not flagged as not a communiqué');
  } else if (flagged) {
    counts.verdict.fp++;
    misses.push('verdict: flagged as not a communiqué');
  }
  if (!isCommunique || !draft.data) return { counts, misses };

  const ctx = { placeholders: new Set(draft.placeholders) };
  const data = draft.data;
  const meeting = data.meeting ?? {};
  const group = meeting.group ?? {};
  scoreScalar(counts.title, expected.title, stated(data.title, 'title', ctx), misses, 'title');
  scoreScalar(counts.group, expected.group, stated(group.name, 'meeting.group.name', ctx), misses, 'group');
  scoreScalar(
    counts.short_name,
    expected.short_name,
    stated(group.short_name, 'meeting.group.short_name', ctx),
    misses,
    'short_name',
  );
  const date =
    stated(meeting.date, 'meeting.date', ctx) ??
    (meeting.start ? `${stated(meeting.start, 'meeting.start', ctx)}..${meeting.end}` : undefined);
  scoreScalar(counts.date, expected.date, date, misses, 'date');
  scoreScalar(counts.mode, expected.mode, stated(meeting.mode, 'meeting.mode', ctx), misses, 'mode');
  scoreScalar(counts.place, expected.place, stated(meeting.place, 'meeting.place', ctx), misses, 'place');

  const attendees = Array.isArray(data.attendees) ? data.attendees : [];
  const nameOf = (id) => attendees.find((attendee) => attendee.id === id)?.name ?? id;
  const chairs = (Array.isArray(meeting.chair) ? meeting.chair : meeting.chair ? [meeting.chair] : []).map(nameOf);
  scoreSet(counts.chairs, expected.chairs ?? [], chairs, (e, f) => same(e, f), misses, 'chair', JSON.stringify);

  const expectedPeople = (expected.attendees ?? []).map((one) => (typeof one === 'string' ? { name: one } : one));
  const seats = (expected.seats ?? []).map(norm);
  const people = attendees.filter((attendee) => !seats.includes(norm(attendee.name)));
  const attendeePairs = scoreSet(
    counts.attendees,
    expectedPeople,
    people,
    (e, f) => same(e.name, f.name),
    misses,
    'attendee',
    (one) => JSON.stringify(one.name),
  );
  for (const [expectedPerson, found] of attendeePairs) {
    if (!found) continue;
    const want = expectedPerson.attendance ?? 'present';
    const got = found.attendance ?? 'present';
    // Present and remote are both "there"; partial is there too.
    const ok = want === got;
    if (ok) counts.attendance.tp++;
    else {
      counts.attendance.fp++;
      counts.attendance.fn++;
      misses.push(`attendance of ${found.name}: ${got}, expected ${want}`);
    }
  }

  const agreements = Array.isArray(data.agreements) ? data.agreements : [];
  const agreementPairs = scoreSet(
    counts.agreements,
    expected.agreements ?? [],
    agreements,
    (e, f) => contains(f.text, e.text),
    misses,
    'agreement',
    (one) => JSON.stringify(one.text),
  );
  for (const [expectedOne, found] of agreementPairs) {
    if (!found || !expectedOne.verb) continue;
    if (same(expectedOne.verb, found.verb)) counts['agreement verbs'].tp++;
    else {
      counts['agreement verbs'].fp++;
      counts['agreement verbs'].fn++;
      misses.push(`agreement verb for "${expectedOne.text}": ${found.verb}, expected ${expectedOne.verb}`);
    }
  }

  const actions = Array.isArray(data.actions) ? data.actions : [];
  const actionPairs = scoreSet(
    counts.actions,
    expected.actions ?? [],
    actions,
    (e, f) => contains(f.text, e.text),
    misses,
    'action',
    (one) => JSON.stringify(one.text),
  );
  actionPairs.forEach(([expectedOne, found]) => {
    const index = found ? actions.indexOf(found) : -1;
    // Owners: as written, or the attendee an id names. `owner` is one owner (a list gives the ways of writing it
    // that are all right); `owners` is several.
    const wantOwners = expectedOne.owners ?? (expectedOne.owner === undefined ? undefined : [expectedOne.owner]);
    if (wantOwners !== undefined) {
      const raw = found ? stated(found.owner, `actions.${index}.owner`, ctx) : undefined;
      const owners = raw === undefined ? undefined : (Array.isArray(raw) ? raw : [raw]).map(nameOf);
      // An owner that is the group itself ("The Board", "Ministers", "We") may be written as the group's name.
      const matches = (want, owner) =>
        same(want, owner) ||
        (alternatives(want).some((one) => GROUP_REFERENCE.test(norm(one)) || same(expected.short_name ?? [], one)) &&
          (same(expected.group ?? [], owner) || same(group.name, owner)));
      const ok =
        owners !== undefined &&
        owners.length === wantOwners.length &&
        wantOwners.every((want) => owners.some((owner) => matches(want, owner)));
      if (ok) counts['action owners'].tp++;
      else {
        counts['action owners'].fn++;
        if (owners !== undefined) counts['action owners'].fp++;
        misses.push(
          `owner of "${expectedOne.text}": ${JSON.stringify(owners)}, expected ${JSON.stringify(wantOwners)}`,
        );
      }
    } else if (found && stated(found.owner, `actions.${index}.owner`, ctx) !== undefined) {
      counts['action owners'].fp++;
      misses.push(`owner of "${expectedOne.text}": invented ${JSON.stringify(found.owner)}`);
    }
    if (!found) return;
    const due = stated(found.due, `actions.${index}.due`, ctx);
    const dueText = due === undefined ? undefined : String(due).replace(/^(?:by|before)\s+/i, '');
    scoreScalar(counts['action due'], expectedOne.due, dueText, misses, `due of "${expectedOne.text}"`);
  });

  const next = stated(data.next_meeting?.date, 'next_meeting.date', ctx);
  scoreScalar(counts['next meeting'], expected.next, next, misses, 'next meeting');

  // Artefacts are looked for as written (Markdown escapes aside), as whole words.
  const everything = draft.text.replace(/\\(?=[^\s\w])/g, '').replace(/\s+/g, ' ');
  for (const artefact of expected.artefacts ?? []) {
    const escaped = artefact.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(everything)) {
      counts['artefacts removed'].fn++;
      misses.push(`artefact kept: ${JSON.stringify(artefact)}`);
    } else counts['artefacts removed'].tp++;
  }
  return { counts, misses };
}

/** Precision and recall per field over every case. */
export function summarise(results) {
  const totals = Object.fromEntries(FIELDS.map((field) => [field, counter()]));
  for (const { counts } of results) {
    for (const field of FIELDS) {
      totals[field].tp += counts[field].tp;
      totals[field].fp += counts[field].fp;
      totals[field].fn += counts[field].fn;
    }
  }
  return FIELDS.map((field) => {
    const { tp, fp, fn } = totals[field];
    return {
      field,
      precision: tp + fp === 0 ? undefined : tp / (tp + fp),
      recall: tp + fn === 0 ? undefined : tp / (tp + fn),
      expected: tp + fn,
      found: tp + fp,
    };
  });
}

/** A draft's text as the scorer reads it. */
export function readDraft(result) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(result.text ?? '');
  return {
    data: match ? parse(match[1]) : undefined,
    body: match ? match[2] : (result.text ?? ''),
    text: result.text ?? '',
    placeholders: (result.placeholders ?? []).map((placeholder) => placeholder.path.join('.')),
    notCommunique: result.verdict ? !result.verdict.communique : false,
    words: result.words,
  };
}

// ---------------------------------------------------------------------------------------------
// The command

async function loadImporter() {
  const { rolldown } = await import('rolldown');
  const out = join(root, 'node_modules/.cache/communique-score');
  mkdirSync(out, { recursive: true });
  const file = join(out, `import-${process.pid}.mjs`);
  const bundle = await rolldown({
    cwd: root,
    input: 'src/import/import.ts',
    platform: 'node',
    // Packages stay external: only our own modules are bundled.
    external: (id) => !/^[./]|^[A-Za-z]:[\\/]|^\0/.test(id),
    logLevel: 'warn',
  });
  await bundle.write({ file, format: 'es', codeSplitting: false });
  await bundle.close();
  const module = await import(pathToFileURL(file).href);
  const { rmSync } = await import('node:fs');
  rmSync(file, { force: true });
  return module;
}

export async function scoreAll({ only } = {}) {
  const { importSource } = await loadImporter();
  const results = [];
  for (const testCase of loadCases()) {
    if (only && !testCase.name.includes(only)) continue;
    let draft;
    let crash;
    try {
      const bytes = readFileSync(testCase.path);
      const outcome = await importSource(new Uint8Array(bytes), testCase.extension, {
        sourceName: testCase.source,
      });
      // An importer that refuses a source has flagged it as not a communiqué.
      if (outcome.ok === false) draft = { data: undefined, text: '', placeholders: [], notCommunique: true };
      else draft = readDraft(outcome.result ?? outcome);
    } catch (error) {
      crash = error instanceof Error ? error.message : String(error);
      draft = { data: undefined, text: '', placeholders: [], notCommunique: false };
    }
    const scored = scoreDraft(testCase.expected, draft);
    if (crash) scored.misses.unshift(`CRASH: ${crash}`);
    const words = draft.words ? `${draft.words.kept}/${draft.words.source}` : '';
    results.push({ name: testCase.name, ...scored, crash, words, wordsKept: draft.words });
  }
  return results;
}

const percent = (value) => (value === undefined ? '   –  ' : `${(100 * value).toFixed(1).padStart(5)}%`);

function printTable(results) {
  const rows = summarise(results);
  const lines = [`${'field'.padEnd(20)} precision  recall   (expected / found)`];
  for (const row of rows) {
    lines.push(
      `${row.field.padEnd(20)} ${percent(row.precision)}    ${percent(row.recall)}   (${row.expected} / ${row.found})`,
    );
  }
  let source = 0;
  let kept = 0;
  for (const result of results) {
    if (!result.wordsKept) continue;
    source += result.wordsKept.source;
    kept += result.wordsKept.kept;
  }
  lines.push(`${'words kept'.padEnd(20)} ${percent(source === 0 ? undefined : kept / source)}    of ${source}`);
  const crashes = results.filter((result) => result.crash).length;
  lines.push(`${results.length} documents, ${crashes} crash${crashes === 1 ? '' : 'es'}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const caseAt = args.indexOf('--case');
  const only = caseAt === -1 ? undefined : args[caseAt + 1];
  const results = await scoreAll({ only });
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ fields: summarise(results), documents: results }, null, 2)}\n`);
  } else {
    if (args.includes('--verbose') || only) {
      for (const result of results) {
        if (result.misses.length === 0) continue;
        process.stdout.write(`${result.name}\n${result.misses.map((miss) => `  ${miss}`).join('\n')}\n`);
      }
      process.stdout.write('\n');
    }
    // `h…` documents were written after the importer was tuned on the rest, and never tuned on:
    // their figures are the honest estimate of how it does on communiqués it has not seen.
    const held = results.filter((result) => result.name.startsWith('h'));
    const development = results.filter((result) => !result.name.startsWith('h'));
    if (held.length > 0 && development.length > 0) {
      process.stdout.write(`Development set\n${printTable(development)}\n\nHeld-out set\n${printTable(held)}\n`);
    } else process.stdout.write(`${printTable(results)}\n`);
  }
}
