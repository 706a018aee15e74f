// Quick picks, status bar items and hovers read `$(name)` as a codicon. Text from a note is not
// ours to style: a protocol called `$(warning) Urgent` must read as those characters.

/** Escapes every `$(…)` the way VS Code's own escapeIcons does, so it renders as typed. */
export function withoutIcons(text: string): string {
  return text.replace(/(\\)?\$\(/g, (match, escaped: string | undefined) => (escaped ? match : '\\$('));
}
