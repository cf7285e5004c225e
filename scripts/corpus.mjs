// A generated corpus of realistic communiqués (about 750 words each, one in ten broken in
// a different way) for `npm run bench`. Deterministic: the same seed gives the same files.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = [
  ['Stronger Places, Stronger People National Leadership Group', 'NLG'],
  ['Community Partnerships Roundtable', 'CPR'],
  ['Regional Human Services Managers Group', 'RHSMG'],
  ['Early Years Network Council', 'EYNC'],
];
const FIRST = [
  'Ray',
  'Michelle',
  'Louise',
  'Anika',
  'Tom',
  'Priya',
  'David',
  'Sarah',
  'Wei',
  'Fatima',
  'James',
  'Grace',
  'Liam',
  'Chloe',
];
const LAST = [
  'Griggs',
  'Andrews',
  'Giolitto',
  'Nguyen',
  'Smith',
  'Patel',
  'Brown',
  'Wilson',
  'Chen',
  'Ali',
  'Taylor',
  'Martin',
  'Kelly',
  'Singh',
];
const ORGS = [
  'Department of Social Services',
  'Department of Communities',
  'National Indigenous Australians Agency',
  'WACOSS',
  'Shelter WA',
  'NSW Government',
];
const TOPICS = [
  'Capability supports for backbones and communities',
  'Implementation',
  'Addressing the causes of problems',
  'Measurement',
  'Reflections',
  'Commissioning of services',
  'Service integration',
  'Data access and analytics',
];
const WORDS = (
  'community governments partnership place-based collective impact data literacy analysis support backbone teams ' +
  'local leadership solutions capability evidence systems change funding flows outcomes families services sector commissioning ' +
  'integration indicators measurement evaluation progress quarter review advice partners strategy investment decision-making'
).split(' ');
const KINDS = ['member', 'member', 'member', 'guest', 'observer', 'secretariat'];
const ATTENDANCE = ['present', 'present', 'present', 'remote', 'partial', 'apology'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function sentence(next, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]);
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function paragraph(next, words) {
  const sentences = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 10 + Math.floor(next() * 12));
    sentences.push(sentence(next, n));
    left -= n;
  }
  // Wrap like the examples do.
  const lines = [];
  let line = '';
  for (const word of sentences.join(' ').split(' ')) {
    if (line.length + word.length + 1 > 118) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const pad = (n) => String(n).padStart(2, '0');

/**
 * Each group meets ten times in a series, in order: numbers and dates go up, each meeting
 * has its own date, and each carries an action from the one before, so the checks across
 * communiqués find nothing wrong in the files that are not broken on purpose.
 */
function meetingOf(index) {
  const [group, short] = GROUPS[index % GROUPS.length];
  const series = Math.floor(index / (GROUPS.length * 10));
  const k = Math.floor((index % (GROUPS.length * 10)) / GROUPS.length);
  const year = 2000 + (series % 25);
  const month = 1 + k;
  const day = 1 + ((series * 7 + k * 3) % 27);
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const key = `${short}${series}`;
  return { group: `${group} ${series}`, short: key, k, year, month, day, date, id: `${key.toLowerCase()}-${date}` };
}

export function communique(index, broken) {
  const next = random(index * 7919 + 17);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const { group, short, k, year, month, day, date, id } = meetingOf(index);
  const previous = k > 0 ? meetingOf(index - GROUPS.length) : undefined;
  // A broken communiqué is not one the others can link to.
  const carries = previous && (index - GROUPS.length) % 10 !== 9;
  const mode = pick(['in-person', 'virtual', 'hybrid']);
  const attendees = [];
  for (let i = 0; i < 8; i++) {
    const name = `${FIRST[(index + i) % FIRST.length]} ${LAST[(index * 3 + i) % LAST.length]}`;
    attendees.push({
      id: name.toLowerCase().replace(/ /g, '-') + `-${i}`,
      name,
      organisation: pick(ORGS),
      kind: i < 2 ? 'member' : pick(KINDS),
      attendance: i < 2 ? 'present' : pick(ATTENDANCE),
    });
  }
  const fm = [
    '---',
    'schema_version: 1',
    `id: ${id}`,
    `title: ${group} Communiqué`,
    `status: ${broken === 'placeholder' ? 'approved' : 'published'}`,
    'lang: en-AU',
    `published: ${year}-${pad(month)}-28`,
    'approval:',
    '  by: Co-chairs',
    `  date: ${year}-${pad(month)}-28`,
    'meeting:',
    '  group:',
    `    name: ${group}`,
    `    short_name: ${short}`,
    `  number: ${1 + k}`,
    broken === 'date' ? `  date: ${year}-02-30` : `  date: ${date}`,
    `  mode: ${mode}`,
    ...(mode === 'virtual' ? [] : ['  place: Canberra']),
    broken === 'unknown-field' ? '  venue: Canberra' : null,
    `  chair: [${attendees[0].id}, ${attendees[1].id}]`,
    'attendees:',
    ...attendees.flatMap((a) => [
      `  - id: ${a.id}`,
      `    name: ${a.name}`,
      `    organisation: ${a.organisation}`,
      `    kind: ${a.kind}`,
      `    attendance: ${a.attendance}`,
    ]),
    'agreements:',
    ...[1, 2, 3].flatMap((n) => [
      `  - id: AGR-${n}`,
      `    verb: ${pick(['agreed', 'endorsed', 'noted', 'supported'])}`,
      `    text: ${sentence(next, 12)}`,
    ]),
    'actions:',
    ...[1, 2, 3].flatMap((n) => [
      `  - id: ACT-${n}`,
      `    text: ${sentence(next, 10)}`,
      `    owner: ${broken === 'owner' && n === 2 ? 'nobody-known' : attendees[n].id}`,
      `    due: ${n === 3 ? 'next meeting' : `${year + 1}-${pad(month)}-${pad(day)}`}`,
      // Only the last meeting of a series leaves actions open: the others close theirs.
      `    status: ${k === 9 ? pick(['open', 'in-progress', 'done']) : pick(['done', 'dropped'])}`,
    ]),
    ...(carries
      ? [
          '  - id: ACT-4',
          `    text: ${sentence(next, 8)}`,
          `    owner: ${attendees[1].id}`,
          '    status: done',
          `    carried_from: { communique: ${previous.id}, action: ACT-1 }`,
        ]
      : []),
    '---',
  ].filter((line) => line !== null);
  const body = [
    '',
    `The ${group} (${short}) met${mode === 'virtual' ? ' virtually' : ' in Canberra'} on ${day} ${MONTHS[month - 1]} ${year}.`,
    '',
    paragraph(next, 90),
  ];
  for (let s = 0; s < 5; s++) {
    body.push(
      '',
      `${broken === 'heading' && s === 2 ? '####' : '##'} ${TOPICS[(index + s) % TOPICS.length]}`,
      '',
      paragraph(next, 70),
      '',
      paragraph(next, 55),
    );
    if (broken === 'placeholder' && s === 3) body.push('', 'Figures for the quarter are TBC.');
  }
  return `${fm.join('\n')}\n${body.join('\n')}\n`;
}

const BREAKAGES = ['date', 'unknown-field', 'owner', 'placeholder', 'heading'];

/** Write `count` communiqués into `folder` (replacing what is there); one in ten is broken. */
export function writeCorpus(folder, count) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    const broken = index % 10 === 9 ? BREAKAGES[Math.floor(index / 10) % BREAKAGES.length] : undefined;
    const sub = join(folder, String(Math.floor(index / 1000)).padStart(2, '0'));
    if (index % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `communique-${String(index).padStart(5, '0')}.md`), communique(index, broken));
  }
  return readdirSync(folder).length;
}
