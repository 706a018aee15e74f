// Reading a file a cloned vault put in front of us, without trusting what it is: a FIFO would
// block the open (and the process) until someone writes into it, a device such as /dev/zero has
// no end, and a huge file would be read whole. So: open without blocking, look at what was opened
// (fstat of the descriptor, not of the name, which could change in between), and read only a
// regular file of bounded size.
import * as fs from 'node:fs';
import * as path from 'node:path';

export class UnsafeFileError extends Error {}

/** Notes past 1 MB are only partly scanned by the parser; reading more than this is never useful. */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

/** The file's text (UTF-8 as Node decodes it while reading), or an UnsafeFileError saying why not. */
export function readRegularFile(file: string, maxBytes = MAX_READ_BYTES): string {
  return withRegularFile(file, maxBytes, (fd) => fs.readFileSync(fd, 'utf8'));
}

/** The file's bytes, under the same rules. */
export function readRegularFileBytes(file: string, maxBytes = MAX_READ_BYTES): Buffer {
  return withRegularFile(file, maxBytes, (fd) => fs.readFileSync(fd));
}

function withRegularFile<T>(file: string, maxBytes: number, read: (fd: number) => T): T {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new UnsafeFileError(`not a regular file (${kindOf(stat)})`);
    if (stat.size > maxBytes) throw new UnsafeFileError(`larger than ${Math.round(maxBytes / (1024 * 1024))} MB`);
    return read(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/** Whether `file` (already resolved with realpath) lies inside `folder` (resolved too). */
export function isInside(folder: string, file: string): boolean {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  return file.startsWith(prefix);
}
