import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates } from '../src/core/dates.js';

/**
 * `findDates` tries its patterns only on the few words before each year in the text. These
 * properties hold it to the answer of trying them everywhere (`text.matchAll`), on text made
 * of the pieces dates are written with, joined by every kind of space.
 */

const everywhere = (text: string, pattern: RegExp) => [...text.matchAll(pattern)];

const PIECES = [
  'Monday',
  'Wednesday,',
  'sunday',
  '1',
  '16',
  '30th',
  '2nd',
  '31st,',
  'Nov',
  'Sept.',
  'november',
  'December',
  'MAY',
  'Jun',
  '-',
  '–',
  '—',
  'and',
  'to',
  '&',
  '2021',
  '1999',
  '12345',
  '2021.',
  '(2020)',
  '2021a',
  ',',
  'meeting',
  'Communiqué',
  'No.',
  '#',
  'met',
  'on',
  'the',
  '(16',
  'x16',
  '16-17,',
  '18–19',
];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\n\n', '\t', ' \u00a0', '\u2003', ' '.repeat(40), '', ', '];

const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACES)), { maxLength: 40 })
  .map((parts) => parts.map(([piece, space]) => piece + space).join(''));

describe('findDates gives what trying the patterns everywhere gives', () => {
  it('on text made of the pieces of dates', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(findDates(value)).toEqual(findDates(value, everywhere));
      }),
      { seed: 20261129, numRuns: 3000 },
    );
  });

  it('on dates far apart in a long text, and next to each other', () => {
    const filler = 'The group heard from the secretariat about the program. '.repeat(40);
    const value = `${filler}It met on Wednesday, 30 November – 1 December 2020.${filler}On March 2-3, 2023 and 4 May 2024 it met again.`;
    expect(findDates(value)).toEqual(findDates(value, everywhere));
    expect(findDates(value).map((found) => found.text)).toEqual([
      'Wednesday, 30 November – 1 December 2020',
      'March 2-3, 2023',
      '4 May 2024',
    ]);
  });
});
