// A parsed YAML file as the plain values a JSON Schema validator reads, and the way back from a
// place in those values to the node the researcher wrote, for a diagnostic's range. The file is
// untrusted, so reading it is bounded: aliases are read as copies up to a budget, and nothing
// deeper than a framework's schema reads is read at all.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';

export type YamlValue = YamlNode | null | undefined;
interface Entry {
  key?: YamlNode;
  value: YamlValue;
}

/** What aliases may add by repetition; a framework written out by hand has a few hundred values. */
export const MAX_ALIASED_VALUES = 100_000;
/** The framework schema reads five levels down (rules, a rule, its match, its tags, a tag). */
const MAX_DEPTH = 8;

export class YamlValues {
  /** The document's contents as plain values: text, numbers, booleans, null, lists and objects. */
  readonly value: unknown;
  /** Where aliases ran past MAX_ALIASED_VALUES; the value is then incomplete. */
  overflow: YamlValue;
  /** Map keys that are not text, left out of `value`: at `path`, in `map`. */
  readonly textlessKeys: Array<{ map: YAMLMap; key: YamlValue; path: string[] }> = [];
  private readonly anchors = new Map<Alias, YamlNode | undefined>();
  private readonly keyTables = new WeakMap<YAMLMap, Map<string, Entry>>();
  private aliased = 0;

  constructor(private readonly doc: Document) {
    // An alias names the last anchor before it. One pass finds them all, without recursion, so any
    // depth the parser accepted is fine here.
    const last = new Map<string, YamlNode>();
    const stack: unknown[] = [doc.contents];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isPair(node)) stack.push(node.value, node.key);
      else if (isAlias(node)) this.anchors.set(node, last.get(node.source));
      else if (isScalar(node) || isCollection(node)) {
        if (node.anchor) last.set(node.anchor, node);
        if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
      }
    }
    this.value = this.read(doc.contents, []);
  }

  /** What an alias names (undefined when no anchor comes before it); any other node itself. */
  resolve(node: unknown): YamlValue {
    return isAlias(node) ? this.anchors.get(node) : (node as YamlValue);
  }

  /** The key and value nodes at a path of `value`, e.g. ['rules', '0', 'verdict']. */
  at(path: readonly string[]): Entry {
    let entry: Entry = { value: this.doc.contents as YamlValue };
    for (const step of path) {
      const node = this.resolve(entry.value);
      if (isSeq(node)) entry = { value: node.items[Number(step)] as YamlValue };
      else if (isMap(node)) entry = this.keys(node).get(step) ?? { value: undefined };
      else return { value: undefined };
    }
    return entry;
  }

  private read(node: unknown, path: string[], aliased = false): unknown {
    if (isAlias(node)) return this.read(this.anchors.get(node), path, true);
    if (aliased && ++this.aliased > MAX_ALIASED_VALUES) {
      this.overflow ??= node as YamlNode;
      return null;
    }
    // Anything else a tag can make (a date, binary data) is no text, number or boolean to a schema.
    if (isScalar(node)) return ['string', 'number', 'boolean'].includes(typeof node.value) ? node.value : null;
    if (isSeq(node)) return path.length >= MAX_DEPTH ? [] : node.items.map((item, i) => this.read(item, [...path, String(i)], aliased));
    if (!isMap(node)) return null;
    const value: Record<string, unknown> = {};
    if (path.length >= MAX_DEPTH) return value;
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.textlessKeys.push({ map: node, key: key as YamlValue, path });
        continue;
      }
      // defineProperty: a `__proto__` key is a field like any other, not the object's prototype.
      Object.defineProperty(value, key.value, { value: this.read(pair.value, [...path, key.value], aliased), enumerable: true, writable: true, configurable: true });
    }
    return value;
  }

  /** A map's text keys, indexed on first use, so a file of many problems costs one pass per map. */
  private keys(map: YAMLMap): Map<string, Entry> {
    let table = this.keyTables.get(map);
    if (!table) {
      table = new Map();
      for (const pair of map.items) if (isScalar(pair.key) && typeof pair.key.value === 'string') table.set(pair.key.value, { key: pair.key, value: pair.value as YamlValue });
      this.keyTables.set(map, table);
    }
    return table;
  }
}
