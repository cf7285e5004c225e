/**
 * How wide words print, estimated without a font at hand: for the Word renderer's column
 * widths, and for the printed HTML's tables, which must fit the page.
 */

/**
 * How wide a text prints at 11 pt, in twips: by character, as wide as DejaVu Sans Bold
 * sets it (what LibreOffice prints Calibri with when Calibri is missing, and wider than
 * Calibri), so that a column measured by it holds its longest word in Word or LibreOffice.
 */
export function textTwips(text: string): number {
  let twips = 0;
  for (const char of text) {
    if (/[ijlrtfIJ'’,.:;/\\|!()[\]-]/.test(char)) twips += 110;
    else if (/[mwMW%@]/.test(char)) twips += 245;
    else if (/[OQDGHNU&#+<=>^~]/.test(char)) twips += 190;
    else if (/[\u1100-\uffff]/.test(char)) twips += 230;
    else twips += 170;
  }
  return twips;
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
const BETWEEN_CJK =
  /(?<=[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef])|(?=[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef])/;

/**
 * The pieces of a text a line should not break inside: words between spaces; Chinese,
 * Japanese and Korean text may break between any two characters, but a short run (a
 * name, a status, a heading of up to four characters) is kept whole.
 */
export function unbreakable(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((word) => (CJK.test(word) && [...word].length > 4 ? word.split(BETWEEN_CJK) : [word]));
}

/** The width in twips (at 11 pt) of a table's columns' longest words: what it needs not to break any. */
export function longestWords(rows: readonly (readonly string[])[]): number {
  const count = Math.max(0, ...rows.map((row) => row.length));
  let total = 0;
  for (let column = 0; column < count; column++)
    total += Math.max(0, ...rows.flatMap((row) => unbreakable(row[column] ?? '').map(textTwips)));
  return total;
}
