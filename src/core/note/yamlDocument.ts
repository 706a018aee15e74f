// The `yaml` package's parseDocument, with its duplicate-key check done in linear time. Its own
// (`uniqueKeys: true`, the default) compares each key with every key before it in the map, so a
// hostile file of 80,000 keys took 44 seconds; here the document is parsed with `uniqueKeys:
// false` and one walk over the tree finds the same duplicates through a table per map, reported as
// the library reports them: the same code, message and position, among the other errors in the
// order of the file (a unit test holds the two to agreeing). One difference, on purpose: after a
// key whose value is left empty (`a:` then `a: 1`), the library points at the end of the line
// before; this points at the repeated key. Every front matter and framework file goes through this.
import { isAlias, isCollection, isMap, isPair, isScalar, parseDocument, YAMLParseError, type Document, type LineCounter, type Scalar } from 'yaml';

/** What the library says of a repeated key (kept word for word: the diagnostics quote it). */
const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

export function parseYamlDocument(source: string, options: { lineCounter?: LineCounter } = {}): Document.Parsed {
  const doc = parseDocument(source, { ...options, prettyErrors: false, uniqueKeys: false });
  const duplicates = duplicateKeyErrors(doc, source);
  if (duplicates.length > 0) {
    // Stable: errors at the same offset keep the order the library found them in.
    doc.errors = [...doc.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
  }
  return doc;
}

/**
 * A key is a duplicate as `uniqueKeys: true` decides it: the same node, or a scalar whose value is
 * `===` a scalar key's before it in the same map. Each map's keys go into one table, so the walk
 * costs one step per node; it needs no recursion, so any depth the parser produced is fine.
 */
function duplicateKeyErrors(doc: Document.Parsed, source: string): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    // An alias is walked where its anchor is, not again here.
    if (isAlias(node) || !isCollection(node)) continue;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        // Any other key (a collection, an alias) equals only itself, and no node is twice in a map.
        if (!isScalar(key)) continue;
        const value = key.value;
        // The library compares values with ===, under which NaN equals nothing, itself included.
        if (typeof value === 'number' && Number.isNaN(value)) continue;
        if (seen.has(value)) errors.push(new YAMLParseError(keyPosition(key, source), 'DUPLICATE_KEY', DUPLICATE_KEY_MESSAGE));
        else seen.add(value);
      }
    }
    for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return errors;
}

/**
 * Where the library puts the error, one character long: the key's first character; for a key left
 * empty (`: value`), the place its indentation ends.
 */
function keyPosition(key: Scalar, source: string): [number, number] {
  const [first, end] = key.range ?? [0, 0];
  let start = first;
  if (start === end) while (source[start] === ' ' || source[start] === '\t') start++;
  return [start, start + 1];
}
