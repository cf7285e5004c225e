/**
 * `validate --cache`: what one file's check gave, kept between runs and trusted again only
 * for the same bytes, checked the same way, by the same build of communique. A file's
 * entry holds its own diagnostics; the facts the checks across communiqués need are kept
 * beside the entries, so those checks still see every file, cached or not. Everything here
 * is plain data and hashing; reading and writing the cache file is io/cache-file.ts's job.
 *
 * The file is two lines of JSON: the entries and the findings across files, then each
 * file's facts. The second line is read only when the checks across files run again: a run
 * of the very files the cache was written for takes their findings from the first, and
 * reading the facts of 2,000 files was an eighth of such a run.
 */
import { relative, sep } from 'node:path';
import type { AcrossFinding, AcrossFindings } from '../core/check/across.js';
import type { CheckOptions } from '../core/check/check.js';
import type { CommuniqueFacts } from '../core/check/facts.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ruleMeta } from '../diagnostics/rules.js';
import { crypto } from '../io/crypto.js';
import type { FileToCheck } from '../io/inputs.js';
import type { PipelineResult } from './file-pipeline.js';
import type { CheckPolicy } from './steps/check.js';

/** The layout of the cache file; a file in any other layout is ignored and rebuilt. */
const FORMAT = 4;

interface CacheEntry {
  /** The hash of the bytes the diagnostics belong to. */
  hash: string;
  /** The file's size, times and place on disk when those bytes were hashed (see `signatureOf`). */
  stat?: string;
  messages: Diagnostic[];
  lines?: Record<number, string>;
}

/** The checks across files of the run that wrote the cache: the files' names, in order, and what was found. */
interface StoredAcross {
  names: string[];
  findings: [string, AcrossFinding[]][];
}

/** What a cached file comes back as: the pipeline's result, without the file name (that is this run's). */
export type CachedResult = Omit<PipelineResult, 'file'>;

export function contentHash(bytes: Uint8Array): string {
  return crypto().createHash('sha256').update(bytes).digest('base64url');
}

/**
 * Everything a file's result depends on besides its bytes: the resolved check settings
 * (stage, severities, organisations, verbs, size limit), what the command reports, and
 * the build of communique doing the checking — its version and a fingerprint of the code
 * (the built worker script, about a kilobyte, names every chunk it runs by content hash, so
 * any change to the checks or the schemas gives another fingerprint). Kept as it is, not
 * hashed: a run answered from the cache then never loads `node:crypto`.
 */
export function cacheKey(check: CheckOptions, policy: CheckPolicy, version: string, build: string): string {
  return `${stableJson({ format: FORMAT, version, check, policy })}\n${build}`;
}

/** JSON with object keys sorted, so the same settings always give the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Enough of a file's status to tell it has not been touched; a file changed since has
 * another. Times in milliseconds with their fraction, as ESLint's cache keeps them: a double
 * holds today's times to a fraction of a microsecond, and reading them as nanoseconds
 * (BigInt) made every file's status several times the garbage.
 */
export interface FileStatus {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/** Two seconds: the coarsest clock a file system keeps file times with (FAT). */
const SETTLE_MS = 2000;

/**
 * The entries of one run: those of the last run that still hold, and this run's. Entries
 * are named by the file's path from the project root, so a cache restored into another
 * checkout (CI) still matches; only files seen in this run are kept, so the cache never
 * outgrows the project.
 */
export class ResultCache {
  private readonly previous: Map<string, unknown>;
  private readonly next = new Map<string, CacheEntry>();
  private readonly previousAcross: StoredAcross | undefined;
  private nextAcross: StoredAcross | undefined;
  /** The stored facts line, read on first use. */
  private previousFactsText: string | undefined;
  private previousFacts: Map<string, unknown> | undefined;
  /** Entries replaced in this run so far, and the last answer of `sameFilesAsStored`. */
  private changes = 0;
  private lastAsked: { files: readonly FileToCheck[]; entries: number; changes: number; answer: boolean } | undefined;
  /** Facts settled in this run, by file; null for a file that has none now. */
  private readonly nextFacts = new Map<string, CommuniqueFacts | null>();
  /** Whether the cache file needs writing: an entry was added, changed or dropped. */
  private changed: boolean;

  /**
   * `stored` is the cache file's text, if there was one: anything unusable in it is ignored.
   * `now` is when the run started, to tell a file that has settled from one still changing.
   */
  constructor(
    private readonly root: string,
    private readonly key: string,
    stored: string | undefined,
    private readonly now: Date,
  ) {
    const read = readStored(stored, key);
    this.previous = read.entries;
    this.previousAcross = read.across;
    this.previousFactsText = read.facts;
    this.changed = stored === undefined || this.previous.size === 0;
  }

  /**
   * What the checks across files found in the run that wrote the cache, if this run checks
   * the same files, named the same, in the same order, each with the bytes it had then: every
   * file's facts are what they were, and so is what the checks across them find.
   */
  acrossFindings(files: readonly FileToCheck[]): AcrossFindings | undefined {
    const stored = this.previousAcross;
    if (!stored || !this.sameFilesAsStored(files)) return undefined;
    this.nextAcross = stored;
    return new Map(stored.findings);
  }

  /** Whether these files are the ones the stored findings across files are for: the same names, order and bytes. */
  sameFilesAsStored(files: readonly FileToCheck[]): boolean {
    // Asked before the files are checked and again after: the same answer while no entry changed.
    const asked = this.lastAsked;
    if (asked?.files === files && asked.entries === this.next.size && asked.changes === this.changes)
      return asked.answer;
    const answer = this.compareWithStored(files);
    this.lastAsked = { files, entries: this.next.size, changes: this.changes, answer };
    return answer;
  }

  private compareWithStored(files: readonly FileToCheck[]): boolean {
    const stored = this.previousAcross;
    if (!stored || stored.names.length !== files.length) return false;
    for (let index = 0; index < files.length; index++) {
      const file = files[index]!;
      if (stored.names[index] !== file.name) return false;
      const name = this.nameOf(file);
      const before = this.previous.get(name);
      if (!isRecord(before) || this.next.get(name)?.hash !== before.hash) return false;
    }
    return true;
  }

  /**
   * The facts kept for a file this run took from the cache: undefined when it has none (its
   * front matter could not be checked), false when what is kept is not facts (the file must
   * be checked again).
   */
  factsOf(file: FileToCheck): CommuniqueFacts | undefined | false {
    const name = this.nameOf(file);
    const settled = this.nextFacts.get(name);
    if (settled !== undefined) return settled ?? undefined;
    const kept = this.storedFacts().get(name);
    if (kept === undefined) return this.previousFacts === BROKEN ? false : undefined;
    if (!isFacts(kept)) return false;
    this.nextFacts.set(name, kept as CommuniqueFacts);
    return kept as CommuniqueFacts;
  }

  /** The facts line of the stored cache, read once; `BROKEN` when it is not a set of facts by file. */
  private storedFacts(): Map<string, unknown> {
    if (this.previousFacts) return this.previousFacts;
    let parsed: unknown;
    try {
      parsed = this.previousFactsText === undefined ? undefined : JSON.parse(this.previousFactsText);
    } catch {
      parsed = undefined;
    }
    this.previousFactsText = undefined;
    // A Map, as for the entries: a file named `__proto__` has facts like any other.
    this.previousFacts = isRecord(parsed) ? new Map(Object.entries(parsed)) : BROKEN;
    return this.previousFacts;
  }

  /** Keep what the checks across files found in this run, if every file's result is kept too. */
  keepAcrossFindings(files: readonly FileToCheck[], findings: AcrossFindings): void {
    const next = files.every((file) => this.next.has(this.nameOf(file)))
      ? { names: files.map((file) => file.name), findings: [...findings] }
      : undefined;
    if (JSON.stringify(next) !== JSON.stringify(this.previousAcross)) this.changed = true;
    this.nextAcross = next;
  }

  /**
   * What shows that a file still has the bytes it was hashed with, so that it need not be
   * read again: its size, modification and change times (no tool sets the change time back)
   * and inode. Only for a file left alone for a while: one written just now could be
   * written again within the same tick of its file system's clock and look the same (git's
   * "racy" files).
   */
  signatureOf(status: FileStatus): string | undefined {
    const settled = this.now.getTime() - SETTLE_MS;
    if (status.mtimeMs > settled || status.ctimeMs > settled) return undefined;
    return `${status.size}:${status.mtimeMs}:${status.ctimeMs}:${status.ino}:${status.dev}`;
  }

  /** The cached result of a file untouched since it was hashed (same signature), if there is one. */
  unchanged(file: FileToCheck, signature: string): CachedResult | undefined {
    const name = this.nameOf(file);
    const entry = this.next.get(name) ?? this.previous.get(name);
    if (!isEntry(entry) || entry.stat !== signature) return undefined;
    this.setNext(name, entry);
    return resultOf(entry);
  }

  /** The cached result for these bytes of this file, if there is one; `signature` is the file's as it was read. */
  lookup(file: FileToCheck, hash: string, signature: string | undefined): CachedResult | undefined {
    const name = this.nameOf(file);
    const entry = this.next.get(name) ?? this.previous.get(name);
    if (!isEntry(entry) || entry.hash !== hash) return undefined;
    if (entry.stat === signature) this.setNext(name, entry);
    else {
      this.setNext(name, withSignature({ ...entry }, signature));
      this.changed = true;
    }
    return resultOf(entry);
  }

  /**
   * Keep a checked file's result, unless it is not one to trust again (unread, communique
   * failed on it, or it depends on other files: the images it names); `signature` is the
   * file's from before it was read.
   */
  remember(file: FileToCheck, result: PipelineResult, signature: string | undefined): void {
    if (!result.contentHash || result.readsOtherFiles) return;
    if (result.messages.some((message) => message.ruleId === 'internal/error')) return;
    const entry: CacheEntry = { hash: result.contentHash, messages: result.messages };
    if (result.lines) entry.lines = result.lines;
    const name = this.nameOf(file);
    this.nextFacts.set(name, result.facts ?? null);
    this.setNext(name, withSignature(entry, signature));
    this.changed = true;
  }

  /** The cache file's new text, or undefined when it would say what it already says. */
  serialise(): string | undefined {
    const dropped = [...this.previous.keys()].some((name) => !this.next.has(name));
    if (!this.changed && !dropped) return undefined;
    const across = this.nextAcross ? { across: this.nextAcross } : {};
    // Maps turned into objects by `Object.fromEntries`: a file named `__proto__` is an entry like any other.
    const entries = new Map<string, CacheEntry>();
    const facts = new Map<string, unknown>();
    for (const [name, entry] of this.next) {
      const settled = this.nextFacts.get(name);
      const stored = this.storedFacts();
      const kept = settled === undefined ? stored.get(name) : settled;
      // Facts that were never read from a facts line that could not be read, or that are not
      // facts, are unknown: the entry is left out, and the file is checked again next time.
      if (settled === undefined && (stored === BROKEN || (kept !== undefined && !isFacts(kept)))) continue;
      entries.set(name, entry);
      if (kept !== undefined && kept !== null) facts.set(name, kept);
    }
    const head = JSON.stringify({ format: FORMAT, key: this.key, entries: Object.fromEntries(entries), ...across });
    return `${head}\n${JSON.stringify(Object.fromEntries(facts))}\n`;
  }

  private setNext(name: string, entry: CacheEntry): void {
    this.next.set(name, entry);
    this.changes++;
  }

  private nameOf(file: FileToCheck): string {
    const path = file.path;
    // Most files are below the root: no need for path.relative's general case.
    if (path.startsWith(this.root) && path[this.root.length] === sep) {
      const name = path.slice(this.root.length + 1);
      return sep === '/' ? name : name.split(sep).join('/');
    }
    return relative(this.root, path).split(sep).join('/');
  }
}

function withSignature(entry: CacheEntry, signature: string | undefined): CacheEntry {
  if (signature) entry.stat = signature;
  else delete entry.stat;
  return entry;
}

function resultOf(entry: CacheEntry): CachedResult {
  const result: CachedResult = { messages: entry.messages };
  if (entry.lines) result.lines = entry.lines;
  return result;
}

/** A stored cache made with the same key: its entries and findings across files; none when it is unreadable, another layout or stale. */
function readStored(
  stored: string | undefined,
  key: string,
): { entries: Map<string, unknown>; across?: StoredAcross; facts?: string } {
  if (stored === undefined) return { entries: new Map() };
  // JSON never holds a raw line break: the first one ends the entries.
  const lineEnd = stored.indexOf('\n');
  let data: unknown;
  try {
    data = JSON.parse(lineEnd === -1 ? stored : stored.slice(0, lineEnd));
  } catch {
    return { entries: new Map() };
  }
  if (!isRecord(data) || data.format !== FORMAT || data.key !== key || !isRecord(data.entries))
    return { entries: new Map() };
  // A Map, not the parsed object: a file named `__proto__` is an entry like any other.
  const entries = new Map(Object.entries(data.entries));
  const facts = lineEnd === -1 ? {} : { facts: stored.slice(lineEnd + 1) };
  return isStoredAcross(data.across) ? { entries, across: data.across, ...facts } : { entries, ...facts };
}

function isStoredAcross(value: unknown): value is StoredAcross {
  return (
    isRecord(value) &&
    Array.isArray(value.names) &&
    value.names.every((name) => typeof name === 'string') &&
    Array.isArray(value.findings) &&
    value.findings.every(
      (item) =>
        Array.isArray(item) &&
        item.length === 2 &&
        typeof item[0] === 'string' &&
        Array.isArray(item[1]) &&
        item[1].every(isAcrossFinding),
    )
  );
}

function isAcrossFinding(value: unknown): boolean {
  if (!isRecord(value) || typeof value.ruleId !== 'string' || !value.ruleId.startsWith('across/')) return false;
  if (!ruleMeta(value.ruleId) || typeof value.message !== 'string') return false;
  if (value.hint !== undefined && typeof value.hint !== 'string') return false;
  const place = value.place;
  return (
    isRecord(place) &&
    Array.isArray(place.path) &&
    place.path.every((step) => typeof step === 'string' || Number.isInteger(step)) &&
    (place.prefer === undefined || place.prefer === 'key')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An entry whose shape the formatters and the checks across files can rely on; checked when it is used. */
function isEntry(value: unknown): value is CacheEntry {
  if (!isRecord(value) || typeof value.hash !== 'string' || !Array.isArray(value.messages)) return false;
  if (value.stat !== undefined && typeof value.stat !== 'string') return false;
  if (value.lines !== undefined && !isRecord(value.lines)) return false;
  return value.messages.every(isDiagnostic);
}

/** The facts line of a stored cache that is missing or could not be read: every file's facts are unusable. */
const BROKEN = new Map<string, unknown>();

const SEVERITIES = new Set(['error', 'warning', 'info']);

function isDiagnostic(value: unknown): boolean {
  return (
    isSpan(value) &&
    typeof value.ruleId === 'string' &&
    typeof value.message === 'string' &&
    typeof value.severity === 'string' &&
    SEVERITIES.has(value.severity) &&
    (value.hint === undefined || typeof value.hint === 'string') &&
    (value.fix === undefined || isFix(value.fix))
  );
}

function isSpan(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && [value.line, value.column, value.endLine, value.endColumn].every(Number.isInteger);
}

function isFix(value: unknown): boolean {
  return (
    isRecord(value) && Number.isInteger(value.start) && Number.isInteger(value.end) && typeof value.text === 'string'
  );
}

function isFacts(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value.actions)) return false;
  return (
    typeof value.key === 'string' &&
    typeof value.hasId === 'boolean' &&
    typeof value.group === 'string' &&
    typeof value.date === 'string' &&
    typeof value.lastDay === 'string' &&
    (value.dateField === 'date' || value.dateField === 'start') &&
    typeof value.status === 'string' &&
    typeof value.hasActions === 'boolean' &&
    value.actions.every(
      (action) =>
        isRecord(action) &&
        typeof action.id === 'string' &&
        typeof action.status === 'string' &&
        (action.carriedFrom === undefined ||
          (isRecord(action.carriedFrom) && typeof action.carriedFrom.communique === 'string')),
    )
  );
}
