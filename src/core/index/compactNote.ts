// A parsed note as a few flat arrays, for the persisted folder cache: a Range is four numbers,
// absent values are null and field names are not repeated, so 10,000 notes take a fraction of
// their JSON as objects. Decoding checks every value: a corrupt entry is undefined, never a
// malformed note inside the index.
import { VERDICT_VALUES, type Diagnostic, type Layer, type Mention, type ProtocolNote, type Range, type Sourced } from '../model';
import { CODES, LAYER_VALUES, SEVERITIES, SOURCES } from './serialize';

/** Bump when ProtocolNote, what the parser puts in it, or this layout changes. */
export const COMPACT_NOTE_VERSION = 1;

type Packed = unknown[];
type PackedRange = [number, number, number, number] | null;

const packRange = (range: Range | undefined): PackedRange =>
  range ? [range.start.line, range.start.character, range.end.line, range.end.character] : null;

const packSourced = (value: Sourced<string> | undefined): Packed | null => (value ? [value.value, value.source, packRange(value.range)] : null);

export function packNote(note: ProtocolNote): Packed {
  const mentions: unknown[] = [];
  for (const mention of note.mentions) {
    const { start, end } = mention.range;
    mentions.push(mention.target, mention.kind === 'link' ? 1 : 0, start.line, start.character, end.line, end.character);
  }
  return [
    note.path,
    packSourced(note.name),
    note.aliases,
    packSourced(note.layer),
    packSourced(note.category),
    note.dependsOn.map((ref) => [ref.raw, ref.target, packRange(ref.range)]),
    mentions,
    note.tags,
    note.funding ?? null,
    note.override ? [note.override.verdict, note.override.reason, packRange(note.override.range)] : null,
    note.heading ?? null,
    packRange(note.frontMatterRange),
    Object.entries(note.fieldRanges).flatMap(([key, range]) => [key, packRange(range)]),
    note.diagnostics.map((d) => [d.file === note.path ? null : d.file, packRange(d.range), d.severity, d.code, d.message, d.data ?? null]),
  ];
}

/** Thrown inside unpackNote only, to leave at the first bad value. */
class Corrupt extends Error {}

const fail = (): never => {
  throw new Corrupt();
};
const str = (value: unknown): string => (typeof value === 'string' ? value : fail());
const count = (value: unknown): number => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : fail());
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : fail());
const strings = (value: unknown): string[] => list(value).map(str);
const oneOf = <T extends string>(values: ReadonlySet<string>, value: unknown): T => (values.has(value as string) ? (value as T) : fail());
const VERDICTS = new Set<string>(VERDICT_VALUES);

function range(value: unknown): Range {
  const [a, b, c, d] = list(value);
  return { start: { line: count(a), character: count(b) }, end: { line: count(c), character: count(d) } };
}

const optionalRange = (value: unknown): Range | undefined => (value === null ? undefined : range(value));

function sourced(value: unknown, values?: ReadonlySet<string>): Sourced<string> {
  const [text, source, where] = list(value);
  const result: Sourced<string> = { value: values ? oneOf(values, text) : str(text), source: oneOf(SOURCES, source) };
  const at = optionalRange(where);
  if (at) result.range = at;
  return result;
}

function mentions(value: unknown): Mention[] {
  const flat = list(value);
  if (flat.length % 6 !== 0) fail();
  const result: Mention[] = [];
  for (let i = 0; i < flat.length; i += 6) {
    result.push({
      target: str(flat[i]),
      kind: flat[i + 1] === 1 ? 'link' : flat[i + 1] === 0 ? 'wikilink' : fail(),
      range: { start: { line: count(flat[i + 2]), character: count(flat[i + 3]) }, end: { line: count(flat[i + 4]), character: count(flat[i + 5]) } },
    });
  }
  return result;
}

function diagnostic(value: unknown, path: string): Diagnostic {
  const [file, where, severity, code, message, data] = list(value);
  const result: Diagnostic = {
    file: file === null ? path : str(file),
    range: range(where),
    severity: oneOf(SEVERITIES, severity),
    code: oneOf(CODES, code),
    message: str(message),
  };
  if (data !== null) result.data = diagnosticData(data);
  return result;
}

function diagnosticData(value: unknown): NonNullable<Diagnostic['data']> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
  const { suggestions, target, field, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) fail();
  const data: NonNullable<Diagnostic['data']> = {};
  if (suggestions !== undefined) data.suggestions = strings(suggestions);
  if (target !== undefined) data.target = str(target);
  if (field !== undefined) data.field = str(field);
  return data;
}

/** The note back, or undefined when the entry is corrupt (every value is checked on the way). */
export function unpackNote(value: unknown): ProtocolNote | undefined {
  try {
    const [path, name, aliases, layer, category, dependsOn, packedMentions, tags, funding, override, heading, frontMatter, fields, diagnostics] =
      list(value);
    const notePath = str(path);
    const note: ProtocolNote = {
      path: notePath,
      name: sourced(name),
      aliases: strings(aliases),
      layer: sourced(layer, LAYER_VALUES) as Sourced<Layer>,
      dependsOn: list(dependsOn).map((entry) => {
        const [raw, target, where] = list(entry);
        return { raw: str(raw), target: str(target), range: range(where) };
      }),
      mentions: mentions(packedMentions),
      tags: strings(tags),
      fieldRanges: {},
      diagnostics: list(diagnostics).map((entry) => diagnostic(entry, notePath)),
    };
    if (category !== null) note.category = sourced(category);
    if (funding !== null) note.funding = str(funding);
    if (override !== null) {
      const [verdict, reason, where] = list(override);
      note.override = { verdict: oneOf(VERDICTS, verdict), reason: str(reason), range: range(where) };
    }
    if (heading !== null) note.heading = str(heading);
    const frontMatterRange = optionalRange(frontMatter);
    if (frontMatterRange) note.frontMatterRange = frontMatterRange;
    const flatFields = list(fields);
    for (let i = 0; i < flatFields.length; i += 2) {
      // defineProperty, so a front matter key named __proto__ stays a key.
      Object.defineProperty(note.fieldRanges, str(flatFields[i]), { value: range(flatFields[i + 1]), enumerable: true, writable: true, configurable: true });
    }
    return note;
  } catch {
    return undefined;
  }
}
