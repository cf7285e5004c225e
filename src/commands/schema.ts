/**
 * `communique schema [name] [--out folder]`: the published JSON Schemas, for editors and
 * other tools. One by name on stdout, or all of them written to a folder.
 */
import { join, resolve } from 'node:path';
import { runProblem } from '../diagnostics/make.js';
import { EXIT } from '../io/exit.js';
import type { Io } from '../io/io.js';
import { packageFile } from '../io/package-files.js';
import { writeAtomically } from '../io/write.js';
import { fail, usageError } from './report.js';

export interface SchemaOptions {
  out?: string;
  force?: boolean;
}

export function schemaNames(io: Io): string[] {
  return io.fs
    .readdirSync(packageFile('schemas'))
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => file.replace(/\.schema\.json$/, ''))
    .sort();
}

export async function schemaCommand(name: string | undefined, options: SchemaOptions, io: Io): Promise<number> {
  const names = schemaNames(io);
  if (name !== undefined && !names.includes(name))
    return usageError(io, `there is no schema named \`${name}\`; the schemas are: ${names.join(', ')}`);
  const read = (schema: string) => io.fs.readFileSync(packageFile('schemas', `${schema}.schema.json`));
  if (!options.out) {
    if (name === undefined)
      return usageError(io, `name a schema (${names.join(', ')}), or give --out <folder> to write them all`);
    io.stdout.write(read(name));
    return EXIT.ok;
  }
  const folder = resolve(io.cwd, options.out);
  const files = (name === undefined ? names : [name]).map((schema) => ({
    path: join(folder, `${schema}.schema.json`),
    content: read(schema),
  }));
  // Never replace a different file someone may have edited; an identical one is fine.
  const clashes = files.filter(
    (file) => io.fs.existsSync(file.path) && !io.fs.readFileSync(file.path).equals(file.content),
  );
  if (clashes.length > 0 && !options.force) {
    const problems = clashes.map((clash) =>
      runProblem('write/refused', `not writing ${clash.path}: it exists with other content`),
    );
    return fail(io, problems, EXIT.usage);
  }
  io.fs.mkdirSync(folder, { recursive: true });
  for (const file of files) {
    writeAtomically(io.fs, file.path, file.content);
    io.stdout.write(`${file.path}\n`);
  }
  return EXIT.ok;
}
