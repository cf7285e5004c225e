/**
 * Turning a file's bytes into text, or saying precisely why they are not a communiqué:
 * binary data, a NUL character, UTF-16 or UTF-32, invalid UTF-8 or an absurd size. A UTF-8
 * byte-order mark is dropped, because editors do not show it and positions must match what
 * users see.
 */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type DecodeProblem =
  | { kind: 'empty'; whitespace?: boolean }
  | { kind: 'too-large'; bytes: number; maxBytes: number }
  | { kind: 'binary' }
  /** A NUL character in a file that is otherwise text; `text` is everything before it. */
  | { kind: 'nul'; text: string }
  | { kind: 'utf16' }
  | { kind: 'utf32' }
  | { kind: 'invalid-utf8'; text: string; offset: number };

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: DecodeProblem };

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Like git: a NUL byte this early means the file is not text at all. */
const BINARY_SNIFF_BYTES = 8000;

export function decodeCommunique(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length, maxBytes } };
  const wide = wideEncoding(bytes);
  if (wide) return { ok: false, problem: { kind: wide } };
  const nul = bytes.indexOf(0);
  if (nul !== -1 && nul < BINARY_SNIFF_BYTES) return { ok: false, problem: { kind: 'binary' } };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    // Only now find where: the native decoder says whether, not where.
    const invalidAt = firstInvalidUtf8(bytes);
    if (nul !== -1 && nul < invalidAt)
      return { ok: false, problem: { kind: 'nul', text: utf8.decode(bytes.subarray(0, nul)) } };
    return {
      ok: false,
      problem: { kind: 'invalid-utf8', text: utf8.decode(bytes.subarray(0, invalidAt)), offset: invalidAt },
    };
  }
  // Valid UTF-8 may hold a NUL anywhere; past the first bytes the file is text with a stray one.
  if (nul !== -1) return { ok: false, problem: { kind: 'nul', text: utf8.decode(bytes.subarray(0, nul)) } };
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty', whitespace: text.length > 0 } };
  return { ok: true, text };
}

/**
 * UTF-16 or UTF-32, by its byte-order mark or, without one, by the shape of its first
 * characters: text in those encodings is full of NUL bytes where UTF-8 has none, so it is
 * told apart before the NUL check would call it binary data.
 */
function wideEncoding(bytes: Uint8Array): 'utf16' | 'utf32' | undefined {
  const [b0, b1, b2, b3] = bytes;
  // FF FE 00 00 is the UTF-32 LE mark, which starts with the UTF-16 LE one: test it first.
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff))
    return 'utf32';
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return 'utf16';
  if (bytes.indexOf(0) === -1) return undefined;
  if (looksLikeText(bytes, 4, true) || looksLikeText(bytes, 4, false)) return 'utf32';
  if (looksLikeText(bytes, 2, true) || looksLikeText(bytes, 2, false)) return 'utf16';
  return undefined;
}

/** How many characters to read before deciding: enough that binary data cannot pass by chance. */
const SNIFF_CHARACTERS = 512;

/**
 * Whether the file, read as UTF-16 or UTF-32 in one byte order, starts with nothing but
 * text: whole characters, none of them NUL or a control character other than tab and line
 * breaks, UTF-16 surrogates only in pairs, and at least half of them Latin letters, digits
 * and punctuation, as the front matter's field names are. (ASCII with one NUL in it also
 * reads as UTF-16, as Chinese: that is why.)
 */
function looksLikeText(bytes: Uint8Array, width: 2 | 4, littleEndian: boolean): boolean {
  if (bytes.length < width * 2 || bytes.length % width !== 0) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = Math.min(bytes.length / width, SNIFF_CHARACTERS);
  let latin = 0;
  for (let index = 0; index < count; index++) {
    const unit = width === 4 ? view.getUint32(index * 4, littleEndian) : view.getUint16(index * 2, littleEndian);
    if (unit < 0x100) latin++;
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return false;
    if (unit === 0x7f || unit > 0x10ffff) return false;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      if (width === 4 || unit >= 0xdc00 || index + 1 >= bytes.length / 2) return false;
      const low = view.getUint16((index + 1) * 2, littleEndian);
      if (low < 0xdc00 || low > 0xdfff) return false;
      index++;
    }
  }
  return latin * 2 >= count;
}

/** Index of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const length = bytes.length;
  let index = 0;
  while (index < length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let needed: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      needed = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3;
      min = 0x10000;
    } else return index;
    let codePoint = byte & (0xff >> (needed + 2));
    for (let k = 1; k <= needed; k++) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += needed + 1;
  }
  return -1;
}
