// Reading a folder of notes from disk for the CLI and the benchmark: every *.md file below it
// listed (listNotes), then each read as a (relative posix path, text) pair (readNote). Nothing
// here is fatal: files that cannot be read are listed in `skipped` with the reason.
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globMatcher } from '../core/note/glob';
import { decodeNoteText, type NoteText } from '../core/note/noteText';
import { UnsafeFileError, isInside, readRegularFile, readRegularFileBytes } from './safeRead';

export interface LoadedNotes {
  entries: Array<{ path: string; text: string }>;
  skipped: Array<{ path: string; reason: string }>;
}

export interface LoadOptions {
  /** Globs over the relative path, as `protocolAtlas.include`/`exclude` take them; a folder's pattern covers what is in it. */
  include?: string[];
  exclude?: string[];
}

const IGNORED_FOLDERS = new Set(['node_modules', '.git']);
const NOTE_FILE = /\.md$/i;

export interface ListedNotes {
  /** Relative posix paths of the notes to read, sorted. */
  paths: string[];
  skipped: Array<{ path: string; reason: string }>;
}

/** The notes below a folder, without reading them (so readers can share them out). */
export function listNotes(folder: string, options: LoadOptions = {}): ListedNotes {
  // The extension's matcher (VS Code's glob dialect), so a folder indexes alike in both.
  const include = options.include?.length ? globMatcher(options.include) : undefined;
  const exclude = globMatcher(options.exclude ?? []);
  const wanted = (relative: string): boolean => (!include || include(relative)) && !exclude(relative);
  const result: ListedNotes = { paths: [], skipped: [] };
  let realFolder = folder;
  try {
    realFolder = fs.realpathSync(folder);
  } catch {
    // walk reports the folder it cannot list
  }
  walk(folder, realFolder, '', wanted, result);
  result.paths.sort(compare);
  return result;
}

function walk(root: string, realRoot: string, relativeFolder: string, wanted: (relative: string) => boolean, result: ListedNotes): void {
  let children: fs.Dirent[];
  try {
    children = fs.readdirSync(path.join(root, relativeFolder), { withFileTypes: true });
  } catch (error) {
    result.skipped.push({ path: relativeFolder || '.', reason: `cannot list the folder (${messageOf(error)})` });
    return;
  }
  for (const child of children) {
    const relative = relativeFolder ? `${relativeFolder}/${child.name}` : child.name;
    let isFolder = child.isDirectory();
    let isFile = child.isFile();
    if (child.isSymbolicLink()) {
      // A linked note is read when it lies inside the folder; a linked folder is not followed,
      // since links can loop. A cloned vault's `passwd.md -> /etc/passwd` must not be printed.
      try {
        const real = fs.realpathSync(path.join(root, relative));
        if (!isInside(realRoot, real)) {
          if (NOTE_FILE.test(child.name)) result.skipped.push({ path: relative, reason: 'a link to a file outside the folder (not read)' });
          continue;
        }
        const target = fs.statSync(real);
        if (target.isDirectory()) {
          result.skipped.push({ path: relative, reason: 'a link to a folder (not followed)' });
          continue;
        }
        isFile = target.isFile();
        isFolder = false;
      } catch (error) {
        if (NOTE_FILE.test(child.name)) result.skipped.push({ path: relative, reason: `a broken link (${messageOf(error)})` });
        continue;
      }
    }
    if (isFolder) {
      if (!IGNORED_FOLDERS.has(child.name)) walk(root, realRoot, relative, wanted, result);
    } else if (NOTE_FILE.test(child.name) && wanted(relative)) {
      // A FIFO would block the read and a device never ends: named, never opened.
      if (isFile) result.paths.push(relative);
      else result.skipped.push({ path: relative, reason: 'not a regular file (a named pipe, device or socket)' });
    }
  }
}

/** Read one listed note into `result`, or say why it was skipped. */
export function readNote(root: string, relative: string, result: LoadedNotes): void {
  const file = path.join(root, relative);
  let decoded: NoteText;
  try {
    // Node decodes UTF-8 as it reads, as fast as the read itself. Invalid bytes come out as
    // U+FFFD and binary files hold NUL: only then are the bytes read again and judged.
    const text = readRegularFile(file);
    decoded =
      text.includes('\0') || text.includes('\ufffd')
        ? decodeNoteBytes(readRegularFileBytes(file))
        : { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    const reason = error instanceof UnsafeFileError ? error.message : `cannot be read (${messageOf(error)})`;
    result.skipped.push({ path: relative, reason });
    return;
  }
  if (decoded.ok) result.entries.push({ path: relative, text: decoded.text });
  else result.skipped.push({ path: relative, reason: decoded.reason });
}

/**
 * decodeNoteText, with Node's native checks first: TextDecoder's fatal mode made reading a
 * folder of notes 40% slower than the read itself, while `isUtf8` costs next to nothing.
 * Anything odd takes the portable path, which also words the reason.
 */
export function decodeNoteBytes(bytes: Buffer): NoteText {
  if (bytes.indexOf(0) >= 0 || !isUtf8(bytes)) return decodeNoteText(bytes);
  // TextDecoder drops a byte order mark; so do we, so both paths give the same text.
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { ok: true, text: bytes.toString('utf8', start) };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function messageOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}
