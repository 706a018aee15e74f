// Glob patterns as the `protocolAtlas.include` / `exclude` settings take them (the same dialect
// as VS Code's `files.exclude`: `**`, `*`, `?`, `{a,b}`, `[...]`). The extension matches every
// file event against them itself, so a file the watcher reports is judged by the same rule as one
// the first scan found; a folder-wide event (a renamed folder) is not matched by a `*.md` glob.

export type PathMatcher = (relativePath: string) => boolean;

/** A matcher for workspace-relative paths with forward slashes; an empty list matches nothing. */
export function globMatcher(patterns: readonly string[]): PathMatcher {
  const expressions = patterns
    .filter((pattern) => typeof pattern === 'string' && pattern.trim() !== '')
    .map((pattern) => new RegExp(`^${translate(normalize(pattern))}$`, 'i'));
  return (path) => expressions.some((expression) => expression.test(path));
}

function normalize(pattern: string): string {
  // "./notes/**" and "/notes/**" are meant relative to the folder, as VS Code reads them.
  return pattern.trim().replace(/\\/g, '/').replace(/^\.?\/+/, '');
}

function translate(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        const atSegmentEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` is zero or more whole folders; a trailing `**` is anything below.
          if (pattern[i + 2] === '/') {
            out += '(?:[^/]*/)*';
            i += 2;
          } else {
            out += '.*';
            i += 1;
          }
          continue;
        }
        i += 1;
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '{') {
      const close = matchingBrace(pattern, i);
      if (close === -1) {
        out += '\\{';
        continue;
      }
      const alternatives = splitTopLevel(pattern.slice(i + 1, close));
      out += `(?:${alternatives.map(translate).join('|')})`;
      i = close;
    } else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      const body = pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      out += `[${body}]`;
      i = close;
    } else {
      out += char.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  return out;
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
