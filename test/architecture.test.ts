import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The floor plan, enforced: each folder under src/ is a layer that may import only the
 * layers listed for it (README, Development), imports never go round in a circle, nothing
 * but the binary imports `cli/`, and the pure layers never touch the file system, child
 * processes or `process`.
 */
const src = resolve(import.meta.dirname, '../src');

const ALLOWED: Record<string, readonly string[]> = {
  cli: ['commands', 'io', 'core', 'diagnostics'],
  commands: ['pipeline', 'io', 'config', 'core', 'render', 'draft', 'import', 'actions', 'diagnostics', 'formatters'],
  pipeline: ['io', 'config', 'core', 'render', 'diagnostics'],
  config: ['io', 'core', 'diagnostics', 'generated'],
  io: ['core', 'render', 'diagnostics'],
  core: ['diagnostics', 'generated'],
  render: ['core', 'diagnostics', 'generated'],
  draft: ['core', 'diagnostics'],
  import: ['core', 'diagnostics'],
  actions: ['core', 'diagnostics'],
  formatters: ['core', 'diagnostics'],
  diagnostics: [],
  generated: [],
};
const PURE = ['core', 'render', 'draft', 'import', 'actions', 'formatters', 'diagnostics'];
const EFFECTS = /^(?:node:)?(?:fs|fs\/promises|child_process)$/;

interface SourceFile {
  path: string;
  layer: string;
  text: string;
  /** Relative imports, resolved to source files, and bare module names. */
  local: string[];
  modules: string[];
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return walk(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  return relative(src, path).split('/')[0]!;
}

/** The code without comments, so that prose about `process` or `fs` is not an import. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

const files: SourceFile[] = walk(src).map((path) => {
  const text = readFileSync(path, 'utf8');
  const local: string[] = [];
  const modules: string[] = [];
  for (const match of code(text).matchAll(IMPORT)) {
    const specifier = (match[1] ?? match[2])!;
    if (!specifier.startsWith('.')) {
      modules.push(specifier);
      continue;
    }
    const target = resolve(dirname(path), specifier);
    if (target.endsWith('.json')) continue;
    const candidates = [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.d.ts')];
    local.push(candidates.find((candidate) => candidate.startsWith(src)) ?? target);
  }
  return { path, layer: layerOf(path), text, local, modules };
});

describe('the floor plan', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) expect(Object.keys(ALLOWED), relative(src, file.path)).toContain(file.layer);
  });

  it('imports only the layers each layer may use', () => {
    const wrong: string[] = [];
    for (const file of files) {
      for (const target of file.local) {
        const layer = target.startsWith(src) ? layerOf(target) : '(outside src)';
        if (layer !== file.layer && !ALLOWED[file.layer]!.includes(layer)) {
          wrong.push(`${relative(src, file.path)} imports ${relative(src, target)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((file) => [file.path, file.local.filter((target) => target.startsWith(src))]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string) => {
      state.set(node, 'visiting');
      stack.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'visiting') {
          cycles.push([...stack.slice(stack.indexOf(next)), next].map((path) => relative(src, path)).join(' → '));
        } else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node);
    expect(cycles).toEqual([]);
  });

  it('keeps cli/ to the binary: nothing else imports it', () => {
    const importers = files.filter(
      (file) => file.layer !== 'cli' && file.local.some((target) => layerOf(target) === 'cli'),
    );
    expect(importers.map((file) => relative(src, file.path))).toEqual([]);
  });

  it('keeps the pure layers away from the file system, child processes and process', () => {
    const impure: string[] = [];
    for (const file of files.filter((candidate) => PURE.includes(candidate.layer))) {
      for (const module of file.modules)
        if (EFFECTS.test(module)) impure.push(`${relative(src, file.path)} imports ${module}`);
      if (/\bprocess\s*[.[]/.test(code(file.text))) impure.push(`${relative(src, file.path)} uses process`);
    }
    expect(impure).toEqual([]);
  });

  it('has exactly one module that loads @inquirer/prompts', () => {
    const loaders = files.filter((file) => file.modules.some((module) => module.startsWith('@inquirer/')));
    expect(loaders.map((file) => relative(src, file.path))).toEqual(['cli/inquirer-prompts.ts']);
  });

  it('has no source file over 450 lines, and at most 10 lines over 140 characters', () => {
    const handWritten = files.filter((file) => file.layer !== 'generated');
    const long = handWritten
      .filter((file) => file.text.split('\n').length > 450)
      .map((file) => relative(src, file.path));
    expect(long).toEqual([]);
    const wide = handWritten.flatMap((file) =>
      file.text
        .split('\n')
        .filter((line) => line.length > 140)
        .map((line) => `${relative(src, file.path)}: ${line.trim().slice(0, 60)}…`),
    );
    expect(wide.length, wide.join('\n')).toBeLessThanOrEqual(10);
  });
});
