/**
 * Finding a template by name. Built-in templates live in the package's `templates/`
 * folder, one folder per template and one file per format; a project's template folder
 * (named in its configuration) is searched first, so a project can override any of them
 * by name, or add its own.
 */
import { join } from 'node:path';
import type { FileSystem } from './io.js';
import { packageFile } from './package-files.js';

export type TemplateFile = 'communique.html.hbs' | 'communique.md.hbs' | 'communique.txt.hbs' | 'new.md.hbs';

export type FoundTemplate = { ok: true; source: string; path: string } | { ok: false; message: string };

/** A template is named, never given as a path: a name cannot reach outside the template folders. */
const TEMPLATE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

/** The package's own `templates/` folder. */
export function builtInTemplates(): string {
  return packageFile('templates');
}

function templateNames(fs: FileSystem, folder: string | undefined): string[] {
  if (!folder || !fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((name) => fs.statSync(join(folder, name)).isDirectory());
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ') || 'none';
}

export function findTemplate(fs: FileSystem, name: string, file: TemplateFile, projectFolder?: string): FoundTemplate {
  const folders = [projectFolder, builtInTemplates()].filter((folder) => folder !== undefined);
  const offering = [...new Set(folders.flatMap((folder) => templateNames(fs, folder)))]
    .filter((candidate) => folders.some((folder) => fs.existsSync(join(folder, candidate, file))))
    .sort();
  const what = file === 'new.md.hbs' ? 'draft' : file.split('.')[1];
  if (!TEMPLATE_NAME.test(name)) {
    return { ok: false, message: `\`${name}\` is not a template name; the ${what} templates are: ${quoted(offering)}` };
  }
  for (const folder of folders) {
    const path = join(folder, name, file);
    if (fs.existsSync(path)) return { ok: true, source: fs.readFileSync(path, 'utf8'), path };
  }
  return {
    ok: false,
    message: `there is no ${what} template named \`${name}\`; the ${what} templates are: ${quoted(offering)}`,
  };
}
