/**
 * A regular expression written in pieces, so that the long patterns the recognisers need
 * stay readable (and within the line width): `pattern('iu', '…', '…')`.
 */
export function pattern(flags: string, ...pieces: string[]): RegExp {
  return new RegExp(pieces.join(''), flags);
}
