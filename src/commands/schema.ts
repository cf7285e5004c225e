import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT } from '../cli/program.js';
import type { Io } from '../io/io.js';
import { packageFile } from '../io/package-files.js';
import { writeAtomically } from '../io/write.js';

/**
 * `communique schema [name] [--out folder]`: the published JSON Schemas, for editors and
 * other tools. One by name on stdout, or all of them written to a folder.
 */
export interface SchemaOptions {
  out?: string;
  force?: boolean;
}

export function schemaNames(): string[] {
  return readdirSync(packageFile('schemas'))
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => file.replace(/\.schema\.json$/, ''))
    .sort();
}

export async function schemaCommand(name: string | undefined, options: SchemaOptions, io: Io): Promise<number> {
  const names = schemaNames();
  const usage = (message: string) => {
    io.stderr.write(`communique: ${message}\n`);
    return EXIT.usage;
  };
  if (name !== undefined && !names.includes(name)) return usage(`there is no schema named \`${name}\`; the schemas are: ${names.join(', ')}`);
  if (!options.out) {
    if (name === undefined) return usage(`name a schema (${names.join(', ')}), or give --out <folder> to write them all`);
    io.stdout.write(readFileSync(packageFile('schemas', `${name}.schema.json`)));
    return EXIT.ok;
  }
  const folder = resolve(io.cwd, options.out);
  const chosen = name === undefined ? names : [name];
  const files = chosen.map((schema) => ({ path: join(folder, `${schema}.schema.json`), content: readFileSync(packageFile('schemas', `${schema}.schema.json`)) }));
  // Never replace a different file someone may have edited; an identical one is fine.
  const clashes = files.filter((file) => existsSync(file.path) && !readFileSync(file.path).equals(file.content));
  if (clashes.length > 0 && !options.force) {
    for (const clash of clashes) io.stderr.write(`communique: not writing ${clash.path}: it exists with other content (use --force to replace it)\n`);
    return EXIT.usage;
  }
  mkdirSync(folder, { recursive: true });
  for (const file of files) {
    writeAtomically(file.path, file.content);
    io.stdout.write(`${file.path}\n`);
  }
  return EXIT.ok;
}
