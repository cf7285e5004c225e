import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { EXIT } from '../cli/program.js';
import type { Io } from '../io/io.js';
import { writeNewFile } from '../io/write.js';
import { decodeSource } from '../import/sources/decode.js';
import { docxToBlocks } from '../import/sources/docx.js';
import { importBlocks } from '../import/recognise.js';
import { textToBlocks } from '../import/sources/text.js';
import type { ImportResult } from '../import/types.js';

/**
 * `communique import <files…>`: old communiqués — plain text, Markdown or Word — turned
 * into communiqué drafts that pass `validate` at the draft stage. What the source does not
 * say is left as a marked placeholder, and the summary says what to fill in. A file is
 * written next to its source (or into --out) and never over an existing one.
 */
export interface ImportCommandOptions {
  out?: string;
  dryRun?: boolean;
}

const IMPORTABLE = new Set(['.txt', '.text', '.md', '.markdown', '.docx']);

export async function importCommand(paths: readonly string[], options: ImportCommandOptions, io: Io): Promise<number> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(io.cwd, path);
    if (!existsSync(absolute)) {
      io.stderr.write(`communique: no such file or folder: ${path}\n`);
      return EXIT.usage;
    }
    if (statSync(absolute).isDirectory()) files.push(...importableIn(absolute));
    else files.push(absolute);
  }
  if (files.length === 0) {
    io.stderr.write(`communique: found no .txt, .md or .docx files in ${paths.join(', ')}\n`);
    return EXIT.usage;
  }

  const report = options.dryRun ? io.stderr : io.stdout;
  let imported = 0;
  let filled = 0;
  let placeholders = 0;
  let failed = 0;
  for (const file of files) {
    const name = relative(io.cwd, file) || file;
    const extension = extname(file).toLowerCase();
    let result: ImportResult;
    let note = '';
    try {
      const bytes = readFileSync(file);
      const fallbackDate = statSync(file).mtime.toISOString().slice(0, 10);
      if (extension === '.docx') {
        const { blocks } = await docxToBlocks(bytes);
        result = importBlocks(blocks, { sourceName: basename(file), fallbackDate });
      } else {
        const { text, encoding } = decodeSource(bytes);
        if (encoding !== 'UTF-8') note = ` (read as ${encoding})`;
        const { blocks, stripped } = textToBlocks(text);
        result = importBlocks(blocks, { sourceName: basename(file), fallbackDate });
        result = { ...result, stripped: [...stripped, ...result.stripped] };
      }
    } catch (error) {
      failed++;
      const reason = extension === '.docx' ? 'it is not a Word document communique can read' : 'it cannot be read';
      io.stderr.write(`communique: cannot import ${name}: ${reason} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})\n`);
      continue;
    }

    const stem = basename(file, extname(file));
    let target = join(options.out ? resolve(io.cwd, options.out) : dirname(file), `${stem}.md`);
    // A Markdown source would otherwise be its own target.
    if (resolve(target) === resolve(file)) target = join(dirname(target), `${stem}.communique.md`);
    const targetName = relative(io.cwd, target) || target;
    if (options.dryRun) io.stdout.write(result.text);
    else if (!writeNewFile(target, new TextEncoder().encode(result.text))) {
      failed++;
      io.stderr.write(`communique: not importing ${name}: ${targetName} already exists and is never overwritten (choose another --out)\n`);
      continue;
    }

    imported++;
    filled += result.filled.length;
    placeholders += result.placeholders.length;
    const share = result.words.source === 0 ? 100 : (100 * result.words.kept) / result.words.source;
    report.write(`${name}${note} → ${options.dryRun ? '(dry run)' : targetName}\n`);
    report.write(`  found: ${result.filled.join(', ') || 'nothing'}\n`);
    for (const placeholder of result.placeholders) report.write(`  to fill in: ${placeholder.field} — ${placeholder.hint}\n`);
    if (result.stripped.length > 0) report.write(`  stripped: ${result.stripped.join(', ')}\n`);
    report.write(`  kept ${share.toFixed(share === 100 ? 0 : 1)}% of ${result.words.source} words\n`);
  }
  report.write(`Imported ${imported} of ${files.length} file${files.length === 1 ? '' : 's'}: ${filled} fields found, ${placeholders} placeholder${placeholders === 1 ? '' : 's'} to fill in\n`);
  return failed > 0 ? EXIT.problems : EXIT.ok;
}

function importableIn(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...importableIn(path));
    else if (IMPORTABLE.has(extname(entry.name).toLowerCase()) && !entry.name.endsWith('.pandoc.md') && !isCommunique(path)) found.push(path);
  }
  return found;
}

/** A Markdown file that already opens with front matter is a communiqué, not one to import. */
function isCommunique(path: string): boolean {
  if (!/\.(md|markdown)$/i.test(path)) return false;
  const start = readFileSync(path).subarray(0, 8).toString('utf8').replace(/^\uFEFF/, '');
  return start.startsWith('---');
}
