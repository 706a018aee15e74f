// Writing a name back into front matter so that YAML reads it as exactly that name.

/** Whether `text` reads back as itself when written unquoted (in a flow list when `flow`). */
export function isPlainSafe(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim() || UNPRINTABLE.test(text)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /: |:$| #/.test(text)) return false;
  if (flow && /[,[\]{}]/.test(text)) return false;
  // Words YAML reads as null, booleans or numbers.
  return !/^(?:~|null|true|false|yes|no|on|off|[-+]?[0-9][0-9._]*|\.inf|\.nan)$/i.test(text);
}

/**
 * YAML's double-quoted style with every character that could end the line or the value escaped:
 * JSON's escapes are YAML's too, and U+2028/U+2029 are added since YAML 1.1 reads them as breaks.
 * A name holding a newline and `---` must stay one value, not close the front matter.
 */
export function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Control characters, line and paragraph separators, and the byte order mark. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** The text written unquoted when that is safe, otherwise double-quoted. */
export function yamlScalar(text: string, flow: boolean): string {
  return isPlainSafe(text, flow) ? text : doubleQuoted(text);
}
