// The one VS Code setting the CLI reads from a folder: `protocolAtlas.synonyms` in its
// .vscode/settings.json, so `protocol-atlas check` in CI reads the notes in the words the
// researcher's editor reads them in. Only that file, and only safely: a regular file of at most
// 1 MB inside the folder (a cloned repository's `settings.json -> /etc/shadow` is not read), as
// JSON with comments and trailing commas, the way VS Code writes it. Never throws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UnsafeFileError, isInside, readRegularFile } from './safeRead';

/** Far more than any settings file a person writes. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** The folder's settings file, relative to the folder, as messages name it. */
export const FOLDER_SETTINGS_FILE = '.vscode/settings.json';

/** The setting's value (undefined when the file or the key is absent), or why the file was not read. */
export function readFolderSetting(folder: string, key: string): { value?: unknown; problem?: string } {
  const file = path.join(folder, '.vscode', 'settings.json');
  try {
    fs.lstatSync(file);
  } catch {
    return {}; // no settings file: nothing to read
  }
  let text: string;
  try {
    if (!isInside(fs.realpathSync(folder), fs.realpathSync(file))) return { problem: 'it is a link to a file outside the folder (not read)' };
    text = readRegularFile(file, MAX_SETTINGS_BYTES);
  } catch (error) {
    if (error instanceof UnsafeFileError) return { problem: `it is ${error.message} (not read)` };
    return { problem: `it cannot be read (${(error as NodeJS.ErrnoException)?.code ?? String(error)})` };
  }
  let settings: unknown;
  try {
    settings = parseJsonWithComments(text);
  } catch (error) {
    return { problem: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return { problem: 'it does not hold an object of settings' };
  return Object.prototype.hasOwnProperty.call(settings, key) ? { value: (settings as Record<string, unknown>)[key] } : {};
}

/**
 * JSON with `//` and block comments and trailing commas (VS Code's settings dialect): the
 * comments and those commas are cut, outside strings, then JSON.parse reads the rest. Linear:
 * each character is looked at at most twice.
 */
export function parseJsonWithComments(input: string): unknown {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const parts: string[] = [];
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '"') break;
      }
      i++;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      parts.push(text.slice(from, i), ' ');
      i = commentEnd(text, i);
      from = i;
    } else if (c === ',' && /[}\]]/.test(text[significantAfter(text, i + 1)] ?? '')) {
      parts.push(text.slice(from, i));
      from = ++i;
    } else i++;
  }
  parts.push(text.slice(from));
  return JSON.parse(parts.join(''));
}

/** Where the comment starting at `at` ends (the end of the text for an unclosed one). */
function commentEnd(text: string, at: number): number {
  if (text[at + 1] === '/') {
    const line = text.indexOf('\n', at);
    return line < 0 ? text.length : line;
  }
  const close = text.indexOf('*/', at + 2);
  return close < 0 ? text.length : close + 2;
}

/** The first character from `at` on that is neither white space nor in a comment. */
function significantAfter(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) i = commentEnd(text, i);
    else break;
  }
  return i;
}
