/**
 * `communique import <files…>`: old communiqués — plain text, Markdown, web pages, Word or
 * PDF — turned into communiqué drafts that pass `validate` at the draft stage. What the
 * source does not say is left as a marked placeholder, reported as an `import/placeholder`
 * at its place in the draft. Each draft is named by the configuration's `new.path` pattern
 * (`communiques/{date}-{group}.md`), records its source and the source's SHA-256, and is
 * never written over an existing file. A source that does not read as a communiqué, or that
 * already is one (it has front matter), is imported only with --force; bytes that are no
 * format communique reads are refused.
 */
import { createHash } from 'node:crypto';
import { basename, extname, join, relative, resolve } from 'node:path';
import { resolveInputs, resolveSettings } from '../config/settings.js';
import { parseCommunique, spanOfPath } from '../core/parse/communique.js';
import { normalise, slugify } from '../core/text.js';
import { frameLines } from '../diagnostics/code-frame.js';
import { compareDiagnostics, type FileResult } from '../diagnostics/diagnostic.js';
import { makeDiagnostic, runProblem } from '../diagnostics/make.js';
import { DEFAULT_PATH, draftPath } from '../draft/assemble.js';
import { importSource, MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES } from '../import/import.js';
import type { ImportResult } from '../import/types.js';
import { EXIT } from '../io/exit.js';
import type { Io } from '../io/io.js';
import { readBounded, readHead } from '../io/read.js';
import { writeNewFile } from '../io/write.js';
import { fail, formatContext, reportProblems } from './report.js';

export interface ImportCommandOptions {
  out?: string;
  dryRun?: boolean;
  force?: boolean;
  config?: string | false;
}

const IMPORTABLE = {
  extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'],
  label: '.txt, .md, .html, .docx or .pdf files',
};

export async function importCommand(paths: readonly string[], options: ImportCommandOptions, io: Io): Promise<number> {
  const settings = await resolveSettings(io, options.config !== undefined ? { config: options.config } : {});
  if (!settings.ok) return fail(io, settings.problems, EXIT.usage);
  const found = await resolveInputs(io, settings.value, paths, IMPORTABLE);
  if (!found.ok) return fail(io, found.problems, EXIT.usage);
  const problems: FileResult[] = [];
  // A Markdown file that already opens with front matter is a communiqué, not one to import:
  // a folder walk passes over it, and one named outright is refused unless --force asks.
  const files = found.value.filter((file) => {
    if (!hasFrontMatter(io, file.path)) return true;
    if (!paths.includes(file.name)) return false;
    if (options.force) return true;
    problems.push(
      runProblem(
        'import/already-a-communique',
        `not importing ${file.name}: it already has front matter, so it is a communiqué`,
      ),
    );
    return false;
  });
  if (files.length === 0 && problems.length === 0)
    return fail(io, [runProblem('usage/no-input', `found no ${IMPORTABLE.label} in ${paths.join(', ')}`)], EXIT.usage);

  const report = options.dryRun ? io.stderr : io.stdout;
  const placeholders: FileResult[] = [];
  const pattern = settings.value.config.new?.path ?? DEFAULT_PATH;
  let imported = 0;
  let filled = 0;
  let holes = 0;
  for (const file of files) {
    const extension = extname(file.path).toLowerCase();
    const limit = /^\.(?:docx|pdf)$/.test(extension) ? MAX_DOCUMENT_BYTES : MAX_TEXT_BYTES;
    const read = readBounded(io.fs, file.path, limit);
    if (!read.ok) {
      const [rule, reason] =
        read.problem === 'too-large'
          ? (['import/too-large', `it is over ${limit / 1024 / 1024} MB, far larger than a communiqué`] as const)
          : read.problem === 'not-a-file'
            ? (['import/unreadable', `it is a ${read.kind}`] as const)
            : (['import/unreadable', `it cannot be read (${read.code})`] as const);
      problems.push(runProblem(rule, `cannot import ${file.name}: ${reason}`));
      continue;
    }
    const sha256 = createHash('sha256').update(read.bytes).digest('hex');
    const outcome = await importSource(read.bytes, extension, {
      sourceName: basename(file.path),
      source: { file: file.name.replace(/\\/g, '/'), sha256 },
    });
    if (!outcome.ok) {
      problems.push(runProblem(outcome.rule, `cannot import ${file.name}: ${outcome.reason}`));
      continue;
    }
    const result = outcome.result;
    if (!result.verdict.communique && !options.force) {
      problems.push(
        runProblem(
          'import/not-a-communique',
          `not importing ${file.name}: it does not read as a communiqué (${result.verdict.missing.join('; ')})`,
        ),
      );
      continue;
    }

    const target = targetOf(io, settings.value.projectRoot, pattern, options.out, result, file.path);
    const targetName = relative(io.cwd, target) || target;
    if (options.dryRun) io.stdout.write(result.text);
    else if (!writeNewFile(io.fs, target, new TextEncoder().encode(result.text))) {
      problems.push(
        runProblem(
          'write/refused',
          `not importing ${file.name}: ${targetName} already exists and is never overwritten`,
          'Choose another --out, or move the existing draft away.',
        ),
      );
      continue;
    }

    imported++;
    filled += result.filled.length;
    holes += result.placeholders.length;
    const share = result.words.source === 0 ? 100 : (100 * result.words.kept) / result.words.source;
    const encoding = result.encoding && !result.encoding.startsWith('UTF-8') ? ` (read as ${result.encoding})` : '';
    report.write(`${file.name}${encoding} → ${options.dryRun ? '(dry run)' : targetName}\n`);
    if (!result.verdict.communique)
      report.write(
        `  imported with --force, though it does not read as a communiqué (${result.verdict.missing.join('; ')})\n`,
      );
    report.write(`  found: ${result.filled.join(', ') || 'nothing'}\n`);
    if (result.stripped.length > 0) report.write(`  stripped: ${result.stripped.join(', ')}\n`);
    report.write(`  kept ${share.toFixed(share === 100 ? 0 : 1)}% of ${result.words.source} words\n`);
    const known = new Set((settings.value.check.organisations ?? []).map((name) => normalise(name)));
    const unknown = result.owners.filter((owner) => !known.has(normalise(owner)));
    if (unknown.length > 0)
      report.write(
        `  owners kept as written, for organisations in communique.config.json: ${unknown.map((owner) => `'${owner}'`).join(', ')}\n`,
      );
    if (result.placeholders.length > 0)
      placeholders.push(placeholderDiagnostics(options.dryRun ? `${file.name} (dry run)` : targetName, result));
  }
  if (placeholders.length > 0) {
    const { formatStylish } = await import('../formatters/stylish.js');
    report.write(formatStylish(placeholders, formatContext(io, report)));
  }
  const count =
    files.length + problems.filter((problem) => problem.messages[0]?.ruleId === 'import/already-a-communique').length;
  report.write(
    `Imported ${imported} of ${plural(count, 'file')}: ${filled} fields found, ${plural(holes, 'placeholder')} to fill in\n`,
  );
  await reportProblems(io, problems);
  return problems.length > 0 ? EXIT.problems : EXIT.ok;
}

/**
 * Where a draft goes: the configuration's `new.path` pattern, from the project's root — or
 * into --out, by the pattern's file name. A source that names no date or no group gives
 * `undated` and its own name in their places.
 */
function targetOf(
  io: Io,
  root: string,
  pattern: string,
  out: string | undefined,
  result: ImportResult,
  source: string,
): string {
  const { naming } = result;
  const stem = slugify(basename(source, extname(source))) || 'communique';
  const path = draftPath(out === undefined ? pattern : basename(pattern), {
    date: naming.date ?? 'undated',
    group: naming.group ?? { name: stem },
    ...(naming.number !== undefined ? { number: naming.number } : {}),
  });
  return out === undefined ? resolve(root, path) : join(resolve(io.cwd, out), path);
}

/** Each placeholder at its place in the draft, so an editor can jump to it. */
function placeholderDiagnostics(name: string, result: ImportResult): FileResult {
  const parsed = parseCommunique(result.text);
  const messages = result.placeholders
    .map((placeholder) =>
      makeDiagnostic('import/placeholder', placeholder.message, spanOfPath(parsed, placeholder.path)),
    )
    .sort(compareDiagnostics);
  return { file: name, messages, lines: frameLines(messages, (line) => parsed.source!.lineText(line)) };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function hasFrontMatter(io: Io, path: string): boolean {
  return /\.(md|markdown)$/i.test(path) && (readHead(io.fs, path, 8) ?? '').replace(/^\uFEFF/, '').startsWith('---');
}
