import { basename, extname, join, relative } from 'node:path';
import { resolveInputs, type Settings } from '../../config/settings.js';
import { asRecord, asString } from '../../core/model.js';
import { parseCommunique } from '../../core/parse/communique.js';
import { meetingDays } from '../../core/dates.js';
import { normalise } from '../../core/text.js';
import { groupSlug } from '../../draft/assemble.js';
import type { Group, KnownCommunique } from '../../draft/carry.js';
import type { Io } from '../../io/io.js';
import { readBounded } from '../../io/read.js';
import { runFiles } from '../../pipeline/run-files.js';

/** A communiqué in the project that cannot be carried from, with what little can be told of it. */
export interface BrokenCommunique {
  path: string;
  stem: string;
  /** The first problem that stops it being read, as `validate` words it, with its position. */
  problem: string;
  /** The group and date its front matter claims, when they can be read at all. */
  groupNames: string[];
  date?: string;
}

export interface History {
  known: KnownCommunique[];
  broken: BrokenCommunique[];
}

/**
 * The communiqués already in the project — the configured files, or `communiques/` — read
 * through the same pipeline as `validate`, for the group's history; and those that cannot
 * be read, so that a draft never silently starts afresh beside a broken predecessor.
 */
export async function projectHistory(io: Io, settings: Settings): Promise<History> {
  const configured = settings.config.files && settings.config.files.length > 0;
  const fallback = join(settings.projectRoot, 'communiques');
  if (!configured && !io.fs.existsSync(fallback)) return { known: [], broken: [] };
  const files = await resolveInputs(io, settings, configured ? [] : [relative(io.cwd, fallback) || '.']);
  if (!files.ok) return { known: [], broken: [] };
  const plan = {
    maxBytes: settings.check.maxBytes!,
    check: settings.check,
    policy: { report: 'blocking', blockOn: 'unreadable' },
    keepData: true,
  } as const;
  const results = await runFiles(files.value, plan, { fs: io.fs });
  const history: History = { known: [], broken: [] };
  results.forEach((result, index) => {
    const file = files.value[index]!;
    const stem = basename(file.path, extname(file.path));
    if (result.communique) {
      history.known.push({ stem, path: result.file, data: result.communique });
      return;
    }
    const first = result.messages.find((message) => message.severity === 'error');
    const problem = first ? `${first.message} (line ${first.line}, column ${first.column})` : 'it cannot be read';
    history.broken.push({ path: result.file, stem, problem, ...claims(io, file.path, settings.check.maxBytes!) });
  });
  return history;
}

/** The group names and date a broken file's front matter gives, read as far as it can be. */
function claims(io: Io, path: string, maxBytes: number): { groupNames: string[]; date?: string } {
  const read = readBounded(io.fs, path, maxBytes);
  if (!read.ok) return { groupNames: [] };
  const data = asRecord(parseCommunique(read.bytes, { maxBytes }).data);
  const meeting = asRecord(data?.meeting);
  const group = asRecord(meeting?.group);
  const groupNames = [asString(group?.name), asString(group?.short_name)].filter((name) => name !== undefined);
  const date = asString(meeting?.date) ?? asString(meeting?.start);
  return date !== undefined ? { groupNames, date } : { groupNames };
}

/**
 * A broken file that may be the group's latest communiqué, which a draft would otherwise
 * silently pass over: its front matter names the group (or, unreadable, its file name
 * does), and its date (or the date its name starts with) falls after the latest readable
 * one and before the meeting being drafted — or cannot be told.
 */
export function brokenPredecessor(
  broken: readonly BrokenCommunique[],
  group: Group,
  date: string,
  latest: KnownCommunique | undefined,
): BrokenCommunique | undefined {
  const names = [group.name, group.short_name].filter((name) => name !== undefined).map(normalise);
  const slug = groupSlug(group);
  const after = latest ? (meetingDays(latest.data.meeting).at(-1) ?? '') : '';
  const dayOf = (file: BrokenCommunique) => file.date ?? /^\d{4}-\d{2}-\d{2}/.exec(file.stem)?.[0];
  // The latest of them is the one the draft would follow.
  const candidates = broken.filter((file) => {
    const ours =
      file.groupNames.length > 0
        ? file.groupNames.some((name) => names.includes(normalise(name)))
        : file.stem
            .toLowerCase()
            .split(/[^a-z0-9]+/)
            .join('-')
            .includes(slug);
    if (!ours) return false;
    const day = dayOf(file);
    return day === undefined || (day < date && day >= after);
  });
  return candidates.sort((a, b) => (dayOf(b) ?? '9999').localeCompare(dayOf(a) ?? '9999'))[0];
}
