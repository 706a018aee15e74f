// A parsed note as two flat lists, for the persisted index cache: every string in one, every
// number (positions, counts, codes) in the other, read back in the same order. JSON.parse then
// builds three arrays a note instead of dozens, which is most of the time a warm start spends on
// the cache. Decoding checks every value: a corrupt entry is undefined, never a malformed note.
import { DIAGNOSTIC_CODES, LAYERS, MENTION_KINDS, SEVERITIES as SEVERITY_VALUES, VALUE_SOURCES, VERDICT_VALUES, type Diagnostic, type DependencyRef, type Layer, type Mention, type ProtocolNote, type Range, type Sourced } from '../vocabulary/model';

// The model's own lists: a value the model gains is readable at once, and a cache holding a value
// it lost reads back as corrupt.
const SOURCES = new Set<string>(VALUE_SOURCES);
const LAYER_VALUES = new Set<string>([...LAYERS, 'unclassified']);
const SEVERITIES = new Set<string>(SEVERITY_VALUES);
const CODES = new Set<string>(DIAGNOSTIC_CODES);

/** Bump when ProtocolNote, what the parser puts in it, or this layout changes. */
export const COMPACT_NOTE_VERSION = 3;

/** [path, strings, numbers, diagnostics (null when none: nearly every note)] */
export type PackedNote = [path: string, strings: string[], numbers: number[], diagnostics: unknown[] | null];

// Sources, verdicts and mention kinds are stored by their place in these lists (the model's own):
// one added at the end reads every cache as before; any other change to them needs
// COMPACT_NOTE_VERSION bumped (test/unit/workspace/indexCache.test.ts holds this version's order).
const SOURCE_LIST = [...SOURCES];
const VERDICT_LIST = [...VERDICT_VALUES];

// A range is tagged: 0 none, 1 on one line (line, start, end), 2 across lines (four numbers).
const NO_RANGE = 0;
const ONE_LINE = 1;
const LINES = 2;

class Writer {
  readonly strings: string[] = [];
  readonly numbers: number[] = [];

  text(value: string): void {
    this.strings.push(value);
  }

  number(value: number): void {
    this.numbers.push(value);
  }

  range(range: Range | undefined): void {
    if (!range) this.numbers.push(NO_RANGE);
    else if (range.start.line === range.end.line) this.numbers.push(ONE_LINE, range.start.line, range.start.character, range.end.character);
    else this.numbers.push(LINES, range.start.line, range.start.character, range.end.line, range.end.character);
  }

  sourced(value: Sourced<string> | undefined): void {
    if (!value) return void this.numbers.push(0);
    this.numbers.push(1, SOURCE_LIST.indexOf(value.source));
    this.strings.push(value.value);
    this.range(value.range);
  }

  list(values: readonly string[]): void {
    this.numbers.push(values.length);
    for (const value of values) this.strings.push(value);
  }

  optional(value: string | undefined): void {
    this.numbers.push(value === undefined ? 0 : 1);
    if (value !== undefined) this.strings.push(value);
  }
}

export function packNote(note: ProtocolNote): PackedNote {
  const out = new Writer();
  out.sourced(note.name);
  out.list(note.aliases);
  out.sourced(note.layer);
  out.sourced(note.category);
  out.number(note.dependsOn.length);
  for (const ref of note.dependsOn) {
    out.text(ref.raw);
    out.text(ref.target);
    out.range(ref.range);
  }
  out.number(note.mentions.length);
  for (const mention of note.mentions) {
    out.number(MENTION_KINDS.indexOf(mention.kind));
    out.text(mention.target);
    out.range(mention.range);
  }
  out.list(note.tags);
  out.optional(note.funding);
  out.number(note.override ? 1 + VERDICT_LIST.indexOf(note.override.verdict) : 0);
  if (note.override) {
    out.text(note.override.reason);
    out.range(note.override.range);
  }
  out.optional(note.heading);
  out.range(note.frontMatterRange);
  const fields = Object.entries(note.fieldRanges);
  out.number(fields.length);
  for (const [key, range] of fields) {
    out.text(key);
    out.range(range);
  }
  const diagnostics = note.diagnostics.length
    ? note.diagnostics.map((d) => [d.file === note.path ? null : d.file, packRange(d.range), d.severity, d.code, d.message, d.data ?? null])
    : null;
  return [note.path, out.strings, out.numbers, diagnostics];
}

const packRange = (range: Range): number[] => [range.start.line, range.start.character, range.end.line, range.end.character];

/** Thrown inside unpackNote only, to leave at the first bad value. */
class Corrupt extends Error {}

const fail = (): never => {
  throw new Corrupt();
};
const str = (value: unknown): string => (typeof value === 'string' ? value : fail());
const count = (value: unknown): number => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : fail());
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : fail());
const oneOf = <T extends string>(values: ReadonlySet<string>, value: unknown): T => (values.has(value as string) ? (value as T) : fail());

class Reader {
  private s = 0;
  private n = 0;

  constructor(
    private readonly strings: unknown[],
    private readonly numbers: unknown[],
  ) {}

  text(): string {
    return str(this.strings[this.s++]);
  }

  number(): number {
    return count(this.numbers[this.n++]);
  }

  /** One of the first `size` numbers, e.g. an index into a vocabulary. */
  below(size: number): number {
    const value = this.number();
    return value < size ? value : fail();
  }

  range(): Range | undefined {
    const tag = this.number();
    if (tag === NO_RANGE) return undefined;
    const line = this.number();
    const character = this.number();
    if (tag === ONE_LINE) return { start: { line, character }, end: { line, character: this.number() } };
    if (tag !== LINES) fail();
    return { start: { line, character }, end: { line: this.number(), character: this.number() } };
  }

  requiredRange(): Range {
    return this.range() ?? fail();
  }

  sourced(values?: ReadonlySet<string>): Sourced<string> | undefined {
    if (this.below(2) === 0) return undefined;
    const source = SOURCE_LIST[this.below(SOURCE_LIST.length)] as Sourced<string>['source'];
    const text = this.text();
    const result: Sourced<string> = { value: values ? oneOf(values, text) : text, source };
    const at = this.range();
    if (at) result.range = at;
    return result;
  }

  list(): string[] {
    const length = this.number();
    const values: string[] = [];
    for (let i = 0; i < length; i++) values.push(this.text());
    return values;
  }

  optional(): string | undefined {
    return this.below(2) === 1 ? this.text() : undefined;
  }

  /** Every string and number read, none left over. */
  finished(): boolean {
    return this.s === this.strings.length && this.n === this.numbers.length;
  }
}

/** The note back, or undefined when the entry is corrupt (every value is checked on the way). */
export function unpackNote(value: unknown): ProtocolNote | undefined {
  try {
    const [path, strings, numbers, diagnostics] = list(value);
    if (list(value).length !== 4) fail();
    const notePath = str(path);
    const read = new Reader(list(strings), list(numbers));
    const name = read.sourced() ?? fail();
    const aliases = read.list();
    const layer = (read.sourced(LAYER_VALUES) ?? fail()) as Sourced<Layer>;
    const category = read.sourced();
    const dependsOn: DependencyRef[] = [];
    for (let i = read.number(); i > 0; i--) dependsOn.push({ raw: read.text(), target: read.text(), range: read.requiredRange() });
    const mentions: Mention[] = [];
    for (let i = read.number(); i > 0; i--) {
      const kind = MENTION_KINDS[read.below(MENTION_KINDS.length)];
      mentions.push({ target: read.text(), kind, range: read.requiredRange() });
    }
    const note: ProtocolNote = {
      path: notePath,
      name,
      aliases,
      layer,
      dependsOn,
      mentions,
      tags: read.list(),
      fieldRanges: {},
      diagnostics: diagnostics === null ? [] : list(diagnostics).map((entry) => diagnostic(entry, notePath)),
    };
    if (category) note.category = category;
    const funding = read.optional();
    if (funding !== undefined) note.funding = funding;
    const verdict = read.below(VERDICT_LIST.length + 1);
    if (verdict > 0) note.override = { verdict: VERDICT_LIST[verdict - 1], reason: read.text(), range: read.requiredRange() };
    const heading = read.optional();
    if (heading !== undefined) note.heading = heading;
    const frontMatterRange = read.range();
    if (frontMatterRange) note.frontMatterRange = frontMatterRange;
    for (let i = read.number(); i > 0; i--) {
      // defineProperty, so a front matter key named __proto__ stays a key.
      Object.defineProperty(note.fieldRanges, read.text(), { value: read.requiredRange(), enumerable: true, writable: true, configurable: true });
    }
    return read.finished() ? note : undefined;
  } catch {
    return undefined;
  }
}

function diagnostic(value: unknown, path: string): Diagnostic {
  const [file, where, severity, code, message, data] = list(value);
  const [a, b, c, d] = list(where);
  const result: Diagnostic = {
    file: file === null ? path : str(file),
    range: { start: { line: count(a), character: count(b) }, end: { line: count(c), character: count(d) } },
    severity: oneOf(SEVERITIES, severity),
    code: oneOf(CODES, code),
    message: str(message),
  };
  if (data !== null) result.data = diagnosticData(data);
  return result;
}

type DiagnosticData = NonNullable<Diagnostic['data']>;

/** A reader for every key of a diagnostic's data: a key added to the model fails to compile here until it is read back. */
const DATA_READERS: { [Key in keyof DiagnosticData]-?: (value: unknown) => DiagnosticData[Key] } = {
  suggestions: (value) => list(value).map(str),
  target: str,
  field: str,
};

function diagnosticData(value: unknown): DiagnosticData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
  const data: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(DATA_READERS, key)) fail();
    if (entry !== undefined) data[key] = DATA_READERS[key as keyof DiagnosticData](entry);
  }
  return data as DiagnosticData;
}
