// Writing a name back into front matter so that YAML reads it as exactly that name.

/** Whether `text` reads back as itself when written unquoted (in a flow list when `flow`). */
export function isPlainSafe(text: string, flow: boolean): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /: |:$| #/.test(text)) return false;
  if (flow && /[,[\]{}]/.test(text)) return false;
  // Words YAML reads as null, booleans or numbers.
  return !/^(?:~|null|true|false|yes|no|on|off|[-+]?[0-9][0-9._]*|\.inf|\.nan)$/i.test(text);
}

export function doubleQuoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The text written unquoted when that is safe, otherwise double-quoted. */
export function yamlScalar(text: string, flow: boolean): string {
  return isPlainSafe(text, flow) ? text : doubleQuoted(text);
}
