import { decodeProblemDiagnostic } from '../../core/parse/communique.js';
import { FIRST_COLUMN, makeDiagnostic } from '../../diagnostics/make.js';
import type { FileSystem } from '../../io/io.js';
import { readBounded } from '../../io/read.js';
import type { Step } from '../file-pipeline.js';

const WHY_UNREADABLE: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'it is a link that leads back to itself',
};

/** Read: the file's bytes, if it is a regular file within the size limit. */
export function readStep(fs: FileSystem, maxBytes: number): Step {
  return (state) => {
    const read = readBounded(fs, state.file.path, maxBytes);
    if (read.ok) {
      state.bytes = read.bytes;
      return;
    }
    state.fatal = true;
    if (read.problem === 'too-large') {
      state.messages.push(decodeProblemDiagnostic({ kind: 'too-large', bytes: read.bytes, maxBytes }));
      return;
    }
    const why =
      read.problem === 'not-a-file'
        ? read.kind === 'folder'
          ? 'it is a folder'
          : `it is a ${read.kind}, not a file`
        : (WHY_UNREADABLE[read.code] ?? read.code);
    state.messages.push(makeDiagnostic('document/unreadable', `The file cannot be read: ${why}`, FIRST_COLUMN));
  };
}
