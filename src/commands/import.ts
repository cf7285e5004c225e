/**
 * `communique import <files…>`: old communiqués — plain text, Markdown or Word — turned
 * into communiqué drafts that pass `validate` at the draft stage. What the source does not
 * say is left as a marked placeholder, reported as an `import/placeholder` at its place in
 * the draft. A file is written next to its source (or into --out) and never over an
 * existing one.
 */
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { resolveInputs, resolveSettings } from '../config/settings.js';
import { parseCommunique, spanOfPath } from '../core/parse/communique.js';
import { frameLines } from '../diagnostics/code-frame.js';
import { compareDiagnostics, type FileResult } from '../diagnostics/diagnostic.js';
import { makeDiagnostic, runProblem } from '../diagnostics/make.js';
import { importSource } from '../import/import.js';
import type { ImportResult } from '../import/types.js';
import { EXIT } from '../io/exit.js';
import type { Io } from '../io/io.js';
import { readBounded, readHead } from '../io/read.js';
import { writeNewFile } from '../io/write.js';
import { fail, formatContext, reportProblems } from './report.js';

export interface ImportCommandOptions {
  out?: string;
  dryRun?: boolean;
  config?: string | false;
}

const IMPORTABLE = { extensions: ['txt', 'text', 'md', 'markdown', 'docx'], label: '.txt, .md or .docx files' };
/** Old Word documents are larger than communiqués; still never an archive's worth. */
const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

export async function importCommand(paths: readonly string[], options: ImportCommandOptions, io: Io): Promise<number> {
  const settings = resolveSettings(io, options.config !== undefined ? { config: options.config } : {});
  if (!settings.ok) return fail(io, settings.problems, EXIT.usage);
  const found = await resolveInputs(io, settings.value, paths, IMPORTABLE);
  if (!found.ok) return fail(io, found.problems, EXIT.usage);
  // A Markdown file that already opens with front matter is a communiqué, not one to import.
  const files = found.value.filter((file) => paths.includes(file.name) || !isCommunique(io, file.path));
  if (files.length === 0)
    return fail(io, [runProblem('usage/no-input', `found no ${IMPORTABLE.label} in ${paths.join(', ')}`)], EXIT.usage);

  const report = options.dryRun ? io.stderr : io.stdout;
  const problems: FileResult[] = [];
  const placeholders: FileResult[] = [];
  let imported = 0;
  let filled = 0;
  let holes = 0;
  for (const file of files) {
    const read = readBounded(io.fs, file.path, MAX_SOURCE_BYTES);
    let result: ImportResult;
    try {
      if (!read.ok)
        throw new Error(
          read.problem === 'too-large'
            ? 'it is over 50 MB'
            : read.problem === 'not-a-file'
              ? `it is a ${read.kind}`
              : read.code,
        );
      const fallbackDate = io.fs.statSync(file.path).mtime.toISOString().slice(0, 10);
      result = await importSource(read.bytes, extname(file.path).toLowerCase(), {
        sourceName: basename(file.path),
        fallbackDate,
      });
    } catch (error) {
      const reason =
        extname(file.path).toLowerCase() === '.docx'
          ? 'it is not a Word document communique can read'
          : 'it cannot be read';
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      problems.push(runProblem('import/unreadable', `cannot import ${file.name}: ${reason} (${detail})`));
      continue;
    }

    const stem = basename(file.path, extname(file.path));
    let target = join(options.out ? resolve(io.cwd, options.out) : dirname(file.path), `${stem}.md`);
    // A Markdown source would otherwise be its own target.
    if (resolve(target) === resolve(file.path)) target = join(dirname(target), `${stem}.communique.md`);
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
    const encoding = result.encoding && result.encoding !== 'UTF-8' ? ` (read as ${result.encoding})` : '';
    report.write(`${file.name}${encoding} → ${options.dryRun ? '(dry run)' : targetName}\n`);
    report.write(`  found: ${result.filled.join(', ') || 'nothing'}\n`);
    if (result.stripped.length > 0) report.write(`  stripped: ${result.stripped.join(', ')}\n`);
    report.write(`  kept ${share.toFixed(share === 100 ? 0 : 1)}% of ${result.words.source} words\n`);
    if (result.placeholders.length > 0)
      placeholders.push(placeholderDiagnostics(options.dryRun ? `${file.name} (dry run)` : targetName, result));
  }
  if (placeholders.length > 0) {
    const { formatStylish } = await import('../formatters/stylish.js');
    report.write(formatStylish(placeholders, formatContext(io, report)));
  }
  const files_ = `${files.length} file${files.length === 1 ? '' : 's'}`;
  report.write(
    `Imported ${imported} of ${files_}: ${filled} fields found, ${holes} placeholder${holes === 1 ? '' : 's'} to fill in\n`,
  );
  await reportProblems(io, problems);
  return problems.length > 0 ? EXIT.problems : EXIT.ok;
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

function isCommunique(io: Io, path: string): boolean {
  return /\.(md|markdown)$/i.test(path) && (readHead(io.fs, path, 8) ?? '').replace(/^\uFEFF/, '').startsWith('---');
}
