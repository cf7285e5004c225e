/**
 * Outputs written while the rest are still being rendered: each to a temporary file beside
 * its place (`.name.<12 hex>.tmp`, the name `writeOutputs` cleans up after a killed run),
 * and put in place by `writeOutputs` only once every file has rendered and every output may
 * be written. A refused run still writes nothing; one that is not ends renaming files
 * rather than writing them, on a core that would otherwise have sat idle while the workers
 * rendered.
 */
import { dirname } from 'node:path';
import type { FileSystem } from './io.js';
import { writeTemporary } from './write.js';

export class Staging {
  private readonly staged = new Map<string, { temporary: string; content: Uint8Array }>();
  private readonly temporaries = new Set<string>();
  /** Folders made for staged files: each deepest one, and the outermost one made with it. */
  private readonly made: { deepest: string; outermost: string }[] = [];

  constructor(private readonly fs: FileSystem) {}

  /**
   * Write `content` beside `path`. A path staged already (two sources claiming one output,
   * which is refused later) keeps its first content; a write that fails is left for the
   * final write to meet again and report.
   */
  stage(path: string, content: Uint8Array): void {
    if (this.staged.has(path)) return;
    try {
      const folder = dirname(path);
      const outermost = this.fs.mkdirSync(folder, { recursive: true });
      if (outermost) this.made.push({ deepest: folder, outermost });
      const temporary = writeTemporary(this.fs, path, content);
      this.staged.set(path, { temporary, content });
      this.temporaries.add(temporary);
    } catch {
      // Staging only saves time: without it the output is written at the end as before.
    }
  }

  /** The temporary file holding exactly `content` for `path`, handed over to be put in place. */
  take(path: string, content: Uint8Array): string | undefined {
    const found = this.staged.get(path);
    if (!found || found.content !== content) return undefined;
    this.staged.delete(path);
    this.temporaries.delete(found.temporary);
    return found.temporary;
  }

  /** Whether `temporary` is a file staged here (not a leftover of an earlier run). */
  holds(temporary: string): boolean {
    return this.temporaries.has(temporary);
  }

  /** Remove every staged file not put in place, and the folders made for them that are left empty. */
  discard(): void {
    for (const { temporary } of this.staged.values()) this.fs.rmSync(temporary, { force: true });
    this.staged.clear();
    this.temporaries.clear();
    for (const { deepest, outermost } of this.made.reverse()) {
      for (let folder = deepest; ; folder = dirname(folder)) {
        try {
          this.fs.rmdirSync(folder);
        } catch {
          break;
        }
        if (folder === outermost) break;
      }
    }
    this.made.length = 0;
  }
}
