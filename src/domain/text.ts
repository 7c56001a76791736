// Characters people cannot see: zero-width spaces and joiners, word joiners and
// invisible operators, the BOM, soft hyphens and bidi controls. Pasted text
// carries them; they make a name look empty, a keyword never match, a phone
// number slip past masking. Removed from names, keywords and titles on input,
// and before masking personal data.
export const INVISIBLE_RE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/g;

export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE_RE, '');
}

/** Whether any character would show (not only spaces and invisible ones). */
export function hasVisible(s: string): boolean {
  return stripInvisible(s).trim().length > 0;
}
