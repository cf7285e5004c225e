/**
 * The reference document a department brands its Word files with: a .docx inside the
 * project (it is read and copied into every export, so the same rule as images applies).
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { FileSystem } from './io.js';

export type ReadReference = { ok: true; bytes: Uint8Array; path: string } | { ok: false; message: string };

/** Larger than any real reference document; a bound on what is read. */
const MAX_BYTES = 20 * 1024 * 1024;

export function readReferenceDoc(fs: FileSystem, given: string, base: string, projectRoot: string): ReadReference {
  const path = resolve(base, given);
  try {
    const real = fs.realpathSync(path);
    const inside = relative(fs.realpathSync(projectRoot), real);
    if (inside.startsWith('..') || isAbsolute(inside))
      return { ok: false, message: `the reference document ${given} is outside the project` };
    const stat = fs.statSync(real);
    if (!stat.isFile()) return { ok: false, message: `the reference document ${given} is not a file` };
    if (stat.size > MAX_BYTES) return { ok: false, message: `the reference document ${given} is larger than 20 MB` };
    return { ok: true, bytes: new Uint8Array(fs.readFileSync(real)), path: real };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: `cannot read the reference document ${given} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')})`,
    };
  }
}
