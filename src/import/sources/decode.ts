/**
 * Text from an archive of old communiqués, in whatever encoding it was saved: UTF-8 (with
 * or without a byte-order mark), UTF-16 with a byte-order mark (Word's "Unicode text"), or
 * — when the bytes are not valid UTF-8 — Windows-1252 (Word's default on Windows) or Mac
 * Roman (old Macs), told apart by the punctuation each would give. Bytes that are not text
 * at all (an image, UTF-16 without its byte-order mark, any data with NUL bytes) are
 * refused, never read as Windows-1252.
 */
import { firstInvalidUtf8 } from '../../core/parse/decode.js';

export type SourceEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252' | 'Mac Roman';

export type Decoded = { ok: true; text: string; encoding: SourceEncoding } | { ok: false; reason: string };

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0))
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const binary = notText(bytes);
  if (binary) return { ok: false, reason: binary };
  if (firstInvalidUtf8(bytes) === -1)
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
  const windows = decodeSingleByte(bytes, WINDOWS_1252_HIGH);
  const mac = decodeSingleByte(bytes, MAC_ROMAN_HIGH);
  return plausibility(mac) > plausibility(windows)
    ? { ok: true, text: mac, encoding: 'Mac Roman' }
    : { ok: true, text: windows, encoding: 'Windows-1252' };
}

/** Why these bytes are not text, or undefined when they may be. */
function notText(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 8192);
  for (const [signature, what] of SIGNATURES)
    if (signature.every((byte, index) => head[index] === byte)) return `it is ${what}, not text`;
  let evenNul = 0;
  let oddNul = 0;
  let controls = 0;
  for (let index = 0; index < head.length; index++) {
    const byte = head[index]!;
    if (byte === 0) {
      if (index % 2 === 0) evenNul++;
      else oddNul++;
    } else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  const pairs = head.length / 2;
  if (pairs >= 4 && (oddNul > pairs * 0.3 || evenNul > pairs * 0.3) && Math.min(oddNul, evenNul) < pairs * 0.05)
    return 'it is UTF-16 text without a byte-order mark, which cannot be told from binary data';
  if (evenNul + oddNul > 0) return 'it holds NUL bytes: it is binary data, not text';
  if (controls > head.length * 0.02 + 2) return 'it holds control characters: it is binary data, not text';
  // A NUL byte anywhere is not text, even after the part looked at above.
  if (bytes.length > head.length && bytes.indexOf(0, head.length) !== -1)
    return 'it holds NUL bytes: it is binary data, not text';
  return undefined;
}

const SIGNATURES: readonly [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (a Word document is one: name it .docx)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.doc): save it from Word as .docx'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document: save it from Word as .docx or plain text'],
  [[0x1f, 0x8b], 'gzip-compressed data'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 text, which communique does not read'],
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 text, which communique does not read'],
];

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where Word keeps its curly quotes, dashes
 * and ellipsis. Node 20's TextDecoder('windows-1252') decodes those as Latin-1 control
 * characters, so the 32 code points are mapped here (the five undefined ones stay as they are).
 */
const WINDOWS_1252_HIGH = [
  0x20ac,
  0x81,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  0x8d,
  0x017d,
  0x8f,
  0x90,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  0x9d,
  0x017e,
  0x0178,
  ...Array.from({ length: 0x60 }, (_, index) => 0xa0 + index),
];

/** Mac Roman, 0x80–0xFF. */
const MAC_ROMAN_HIGH = [
  ...'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü',
  ...'†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø',
  ...'¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ',
  ...'‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ',
].map((character) => character.codePointAt(0)!);

function decodeSingleByte(bytes: Uint8Array, high: readonly number[]): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 ? high[byte - 0x80]! : byte)));
  }
  return text;
}

/**
 * How much a decoding reads like English prose: curly quotes, dashes and accented letters
 * where they belong count for it; letters such as "Õ" between two lower-case letters (Mac
 * Roman's apostrophe read as Windows-1252) or control characters count against it.
 */
function plausibility(text: string): number {
  let score = 0;
  for (const match of text.matchAll(/[’‘“”–—…•éèàç]/g)) score += match[0] ? 1 : 0;
  for (const match of text.matchAll(/\p{Ll}[ÕÔÒÓÐÑíìîñÎÏ]\p{Ll}|[ÒÓÔÕ]\s|\s[ÒÓÔ]|[\u0080-\u009f]/gu))
    score -= match[0] ? 3 : 0;
  return score;
}
