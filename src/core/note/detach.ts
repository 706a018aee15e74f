// A substring in V8 is usually a view into the string it was cut from. A note keeps a dozen
// short strings (name, aliases, link targets) cut from its text, and each view keeps the whole
// text alive: 10,000 notes then hold their 30 MB of text, and every garbage collection during a
// cold index copies it. Giving the kept strings their own storage lets the text go.

/** Below this length V8 copies substrings anyway. */
const COPIED_BELOW = 13;

/** The same characters, in a string that does not keep a larger one alive. */
export function detach(text: string): string {
  // Concatenation then slicing makes V8 flatten into a new string of text.length + 1 characters;
  // the result refers to that small string only. (An engine without views just copies.)
  return text.length < COPIED_BELOW ? text : (` ${text}`).slice(1);
}
