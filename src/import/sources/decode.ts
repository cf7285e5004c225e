/**
 * Text from an archive of old communiqués, in whatever encoding it was saved: UTF-8 (with
 * or without a byte-order mark), UTF-16 with a byte-order mark (Word's "Unicode text"), or
 * — when the bytes are not valid UTF-8 — Windows-1252, Word's default on Windows.
 */
import { firstInvalidUtf8 } from '../../core/parse/decode.js';

export type SourceEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export function decodeSource(bytes: Uint8Array): { text: string; encoding: SourceEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  if (firstInvalidUtf8(bytes) === -1) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
  return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where Word keeps its curly quotes, dashes
 * and ellipsis. Node 20's TextDecoder('windows-1252') decodes those as Latin-1 control
 * characters, so the 32 code points are mapped here (the five undefined ones stay as they are).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte)),
    );
  }
  return text;
}
