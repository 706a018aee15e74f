// Turning a file's bytes into note text. Shared by the CLI's loader and the extension so both
// skip the same files for the same reasons.

export type NoteText = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const utf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

/** Markdown notes are UTF-8 text: NUL bytes or invalid UTF-8 mean a binary file named *.md. */
export function decodeNoteText(bytes: Uint8Array): NoteText {
  // Windows editors save "Unicode" as UTF-16 with a byte order mark; VS Code opens such a note
  // as text, so the index reads it too (its NUL bytes are half of each character, not binary).
  const utf16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? utf16le : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? utf16be : undefined;
  if (utf16) {
    try {
      return { ok: true, text: utf16.decode(bytes) };
    } catch {
      return { ok: false, reason: 'is not valid UTF-16 text' };
    }
  }
  if (bytes.includes(0)) return { ok: false, reason: 'contains NUL bytes (a binary file, not a markdown note)' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 text' };
  }
}
