/**
 * Turning a file's bytes into text, or saying precisely why they are not a communiqué:
 * binary data, UTF-16, invalid UTF-8 or an absurd size. A UTF-8 byte-order mark is
 * dropped, because editors do not show it and positions must match what users see.
 */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type DecodeProblem =
  | { kind: 'empty'; whitespace?: boolean }
  | { kind: 'too-large'; bytes: number; maxBytes: number }
  | { kind: 'binary' }
  | { kind: 'utf16' }
  | { kind: 'invalid-utf8'; text: string; offset: number };

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: DecodeProblem };

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeCommunique(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length, maxBytes } };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: { kind: 'utf16' } };
  }
  // Like git: a NUL byte early in the file means it is not text.
  if (bytes.subarray(0, 8000).indexOf(0) !== -1) return { ok: false, problem: { kind: 'binary' } };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    // Only now find where: the native decoder says whether, not where.
    const invalidAt = firstInvalidUtf8(bytes);
    return {
      ok: false,
      problem: { kind: 'invalid-utf8', text: utf8.decode(bytes.subarray(0, invalidAt)), offset: invalidAt },
    };
  }
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty', whitespace: text.length > 0 } };
  return { ok: true, text };
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
