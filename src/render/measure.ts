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

/** Where a line may break: at spaces, and between any two Chinese, Japanese or Korean characters. */
export const BREAK =
  /\s+|(?<=[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef])|(?=[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef])/;

/** The width in twips (at 11 pt) of a table's columns' longest words: what it needs not to break any. */
export function longestWords(rows: readonly (readonly string[])[]): number {
  const count = Math.max(0, ...rows.map((row) => row.length));
  let total = 0;
  for (let column = 0; column < count; column++)
    total += Math.max(0, ...rows.flatMap((row) => (row[column] ?? '').split(BREAK).map(textTwips)));
  return total;
}
