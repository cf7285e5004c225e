/**
 * A Word document is a zip archive, and a zip archive can be a bomb: 878 KB that inflate to
 * 300 MB. Before anything inflates it, the archive's central directory is read and the
 * sizes it declares are checked against a limit; then each entry is inflated with its
 * declared size as a hard ceiling, so a directory that lies is caught too.
 */
import { inflateRawSync } from 'node:zlib';

/** What a .docx may inflate to, in all: far more than any communiqué, far less than a bomb. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5000;

export type ZipCheck = { ok: true; entries: string[] } | { ok: false; reason: string };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  offset: number;
}

export function checkZip(bytes: Uint8Array, limit = MAX_UNZIPPED_BYTES): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end === -1) return { ok: false, reason: 'it is not a zip archive (no central directory)' };
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff)
    return { ok: false, reason: 'it is a ZIP64 archive, larger than any Word document communique reads' };
  if (count > MAX_ENTRIES) return { ok: false, reason: `its zip directory lists ${count} files` };
  const entries: Entry[] = [];
  let total = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      return { ok: false, reason: 'its zip directory is damaged' };
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))),
      offset: view.getUint32(at + 42, true),
    };
    if (entry.uncompressed === 0xffffffff || entry.compressed === 0xffffffff)
      return { ok: false, reason: 'it is a ZIP64 archive, larger than any Word document communique reads' };
    total += entry.uncompressed;
    if (total > limit)
      return {
        ok: false,
        reason: `it would unzip to more than ${Math.round(limit / 1024 / 1024)} MB (a zip bomb, or not a communiqué)`,
      };
    entries.push(entry);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  // The directory can lie: inflate each entry no further than it says it goes.
  for (const entry of entries) {
    if (entry.method !== 8) continue;
    const local = entry.offset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
      return { ok: false, reason: `its zip entry ${entry.name} is damaged` };
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    try {
      const out = inflateRawSync(bytes.subarray(start, start + entry.compressed), {
        maxOutputLength: Math.max(1, entry.uncompressed),
      });
      if (out.length !== entry.uncompressed) return { ok: false, reason: `its zip entry ${entry.name} is damaged` };
    } catch {
      return {
        ok: false,
        reason: `its zip entry ${entry.name} inflates beyond the size its directory declares (a zip bomb)`,
      };
    }
  }
  return { ok: true, entries: entries.map((entry) => entry.name) };
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 65535; at--) if (view.getUint32(at, true) === 0x06054b50) return at;
  return -1;
}
