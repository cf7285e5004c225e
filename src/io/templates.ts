import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from '../io/package-files.js';

/**
 * Finding a template by name. Built-in templates live in the package's `templates/`
 * folder, one folder per template and one file per format; a project's template folder
 * (named in its configuration) is searched first, so a project can override any of them
 * by name, or add its own.
 */
export type TemplatedFormat = 'html' | 'md' | 'txt';

export const TEMPLATE_FILES: Record<TemplatedFormat, string> = {
  html: 'communique.html.hbs',
  md: 'communique.md.hbs',
  txt: 'communique.txt.hbs',
};

export type FoundTemplate = { ok: true; source: string; path: string } | { ok: false; message: string };

/** The package's own `templates/` folder. */
export function builtInTemplates(): string {
  return packageFile('templates');
}

function templateNames(folder: string | undefined): string[] {
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => statSync(join(folder, name)).isDirectory());
}

export function availableTemplates(projectFolder?: string): string[] {
  return [...new Set([...templateNames(projectFolder), ...templateNames(builtInTemplates())])].sort();
}

export function findTemplate(name: string, format: TemplatedFormat, projectFolder?: string): FoundTemplate {
  for (const folder of [projectFolder, builtInTemplates()]) {
    if (!folder) continue;
    const path = join(folder, name, TEMPLATE_FILES[format]);
    if (existsSync(path)) return { ok: true, source: readFileSync(path, 'utf8'), path };
  }
  const offering = availableTemplates(projectFolder).filter((candidate) =>
    [projectFolder, builtInTemplates()].some((folder) => folder && existsSync(join(folder, candidate, TEMPLATE_FILES[format]))),
  );
  return {
    ok: false,
    message: `There is no ${format} template named \`${name}\`; the ${format} templates are: ${offering.map((candidate) => `\`${candidate}\``).join(', ') || 'none'}`,
  };
}
