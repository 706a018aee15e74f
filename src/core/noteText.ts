// Turning a file's bytes into note text. Shared by the CLI's loader and the extension so both
// skip the same files for the same reasons.

export type NoteText = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Markdown notes are UTF-8 text: NUL bytes or invalid UTF-8 mean a binary file named *.md. */
export function decodeNoteText(bytes: Uint8Array): NoteText {
  if (bytes.includes(0)) return { ok: false, reason: 'contains NUL bytes (a binary file, not a markdown note)' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 text' };
  }
}
