// What a note's path and a written reference say about names: the file name as a fallback
// protocol name, a folder named after a layer, and the target inside a `[[wikilink|label]]`.
import type { Layer } from '../vocabulary/model';
import { BUILTIN_VOCABULARY, type Vocabulary } from '../vocabulary/taxonomy';

const URI = /^[a-z][a-z0-9+.-]*:\/\//i;
const NOTE_EXTENSION = /\.(?:md|markdown|mdx)$/i;

/** The path's segments, decoded when the caller keys notes by URI strings. */
function pathSegments(path: string): string[] {
  const segments = path.split(/[\\/]/);
  return isEncoded(path) ? segments.map(decodeSegment) : segments;
}

function isEncoded(path: string): boolean {
  return path.includes('%') && URI.test(path);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "infra/compute/io.net.md" -> "io.net": only a markdown extension is a file extension here. */
export function noteBaseName(path: string): string {
  // Called for every note on every index build: slicing beats splitting the whole path.
  const file = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const decoded = isEncoded(path) ? decodeSegment(file) : file;
  const base = NOTE_EXTENSION.test(decoded) ? decoded.slice(0, decoded.lastIndexOf('.')) : decoded;
  return base || decoded;
}

/**
 * The layer named by the nearest folder, e.g. "infra/compute/akash.md" -> infrastructure. The
 * first `rootSegments` segments name a workspace folder (multi-root keys), never a layer folder.
 */
export function layerFromFolders(path: string, rootSegments = 0, vocabulary: Vocabulary = BUILTIN_VOCABULARY): Layer | undefined {
  const segments = pathSegments(path);
  for (let index = segments.length - 2; index >= rootSegments; index--) {
    const layer = segments[index] ? vocabulary.layer(segments[index]) : undefined;
    if (layer) return layer;
  }
  return undefined;
}

/**
 * The note a reference names: `[[io.net|IO]]` -> "io.net", `[[Akash#Risks]]` -> "Akash",
 * "Render" -> "Render". Section (`#…`) and block (`^…`) parts name places inside a note.
 */
export function referenceTarget(written: string): string {
  const text = written.trim();
  if (!(text.startsWith('[[') && text.endsWith(']]'))) return text;
  return wikilinkInner(text.slice(2, -2));
}

/** The target part of what sits between `[[` and `]]`. */
export function wikilinkInner(inner: string): string {
  let target = inner;
  const bar = target.indexOf('|');
  if (bar >= 0) target = target.slice(0, bar);
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  return target.trim();
}
