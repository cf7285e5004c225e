/**
 * Reading a file whole, but only a regular file and only up to a limit. A device or a
 * FIFO reports a size of 0 (so a size check alone never stops `/dev/zero`) and a FIFO
 * blocks a plain open forever; both are refused after following links, and the limit is
 * enforced on the bytes actually read. Synchronous on purpose: this runs in a worker
 * thread or in a CLI run with nothing else to do, where each async round trip costs more
 * than the read.
 */
import { constants } from 'node:fs';
import type { FileSystem } from './io.js';

export type ReadResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: 'too-large'; bytes: number }
  | { ok: false; problem: 'not-a-file'; kind: 'folder' | 'device' | 'pipe or socket' }
  | { ok: false; problem: 'unreadable'; code: string };

const CHUNK = 64 * 1024;

export function readBounded(fs: FileSystem, path: string, maxBytes: number): ReadResult {
  let descriptor: number;
  try {
    // Non-blocking, so opening a FIFO returns at once and is refused below instead of hanging.
    descriptor = fs.openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return code === 'EISDIR'
      ? { ok: false, problem: 'not-a-file', kind: 'folder' }
      : { ok: false, problem: 'unreadable', code };
  }
  try {
    const stats = fs.fstatSync(descriptor);
    if (stats.isDirectory()) return { ok: false, problem: 'not-a-file', kind: 'folder' };
    if (stats.isCharacterDevice() || stats.isBlockDevice()) return { ok: false, problem: 'not-a-file', kind: 'device' };
    if (!stats.isFile()) return { ok: false, problem: 'not-a-file', kind: 'pipe or socket' };
    if (stats.size > maxBytes) return { ok: false, problem: 'too-large', bytes: stats.size };
    // The size can change between stat and read: read no more than the limit allows. A
    // regular file that returns less than asked for is at its end, so a file that has not
    // changed takes one read.
    const chunks: Uint8Array[] = [];
    let total = 0;
    let want = Math.min(stats.size + 1, maxBytes + 1);
    for (;;) {
      const chunk = new Uint8Array(want);
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
      if (read > 0) chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) return { ok: false, problem: 'too-large', bytes: total };
      if (read < chunk.length) break;
      want = Math.min(CHUNK, maxBytes + 1 - total);
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return code === 'EISDIR'
      ? { ok: false, problem: 'not-a-file', kind: 'folder' }
      : { ok: false, problem: 'unreadable', code };
  } finally {
    fs.closeSync(descriptor);
  }
}

/** The first bytes of a regular file, as text: enough to see how it starts. */
export function readHead(fs: FileSystem, path: string, bytes: number): string | undefined {
  let descriptor: number;
  try {
    descriptor = fs.openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!fs.fstatSync(descriptor).isFile()) return undefined;
    const head = new Uint8Array(bytes);
    return new TextDecoder().decode(head.subarray(0, fs.readSync(descriptor, head, 0, bytes, 0)));
  } catch {
    return undefined;
  } finally {
    fs.closeSync(descriptor);
  }
}
