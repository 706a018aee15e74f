// Glob patterns as the `protocolAtlas.include` / `exclude` settings take them (the same dialect
// as VS Code's `files.exclude`: `**`, `*`, `?`, `{a,b}`, `[...]`), matched by picomatch, whose
// compiled patterns do not backtrack on repeated `**/` and which reads a malformed class such as
// `[z-a]` literally instead of throwing. The extension matches every file event against them
// itself, so a file the watcher reports is judged by the same rule as one the first scan found;
// a folder-wide event (a renamed folder) is not matched by a `*.md` glob.
//
// Settings come from the workspace's .vscode/settings.json, which a cloned repository brings:
// a pattern is text we do not trust, so each is bounded in length and compiled defensively.
import picomatch from 'picomatch';

export type PathMatcher = (relativePath: string) => boolean;

/** Longer than any pattern a person writes; compiling one costs in proportion. */
const MAX_PATTERN_LENGTH = 1_000;

const OPTIONS: picomatch.PicomatchOptions = {
  // VS Code's globs match dot folders and ignore case on the file systems researchers use.
  dot: true,
  nocase: true,
  // Only VS Code's dialect: `+(…)`, `@(…)` and friends, and regex groups, are plain text there.
  noextglob: true,
  posix: true,
};

/** A matcher for workspace-relative paths with forward slashes; an empty list matches nothing. */
export function globMatcher(patterns: readonly string[]): PathMatcher {
  const matchers = patterns
    .filter((pattern) => typeof pattern === 'string' && pattern.trim() !== '' && pattern.length <= MAX_PATTERN_LENGTH)
    .map((pattern) => compile(normalize(pattern)));
  if (matchers.length === 0) return () => false;
  // As in VS Code's files.exclude, a pattern that names a folder (`drafts`, `**/node_modules`)
  // covers everything in it.
  return (path) => {
    if (matchers.some((matches) => matches(path))) return true;
    for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      const folder = path.slice(0, slash);
      if (matchers.some((matches) => matches(folder))) return true;
    }
    return false;
  };
}

function compile(pattern: string): PathMatcher {
  try {
    return picomatch(collapseGlobstars(plainText(pattern)), OPTIONS);
  } catch {
    // A pattern picomatch cannot read still means something: the text itself.
    const literal = pattern.toLowerCase();
    return (path) => path.toLowerCase() === literal;
  }
}

function normalize(pattern: string): string {
  // "./notes/**" and "/notes/**" are meant relative to the folder, as VS Code reads them.
  return pattern.trim().replace(/\\/g, '/').replace(/^\.?\/+/, '');
}

/**
 * picomatch also reads regex groups and alternation (`(a|b)+`) and a leading `!` as negation;
 * in VS Code's globs those characters are themselves (a folder named `io.net (notes)+`).
 */
function plainText(pattern: string): string {
  return pattern.replace(/^!/, '\\!').replace(/(?<!\[)[()+|^$@]/g, '\\$&');
}

/** `**\/**\/x` means the same as `**\/x`; collapsing keeps the compiled pattern small. */
function collapseGlobstars(pattern: string): string {
  return pattern.replace(/(?:^|\/)\*\*(?:\/\*\*)+(?=\/|$)/g, (run) => (run.startsWith('/') ? '/**' : '**'));
}
