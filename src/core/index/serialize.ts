// Checking a ProtocolNote that came from outside (an injected parser, a note parsed elsewhere)
// before it enters the index: a malformed note must become an unreadable one, not a crash.
import { DIAGNOSTIC_CODES, LAYERS, SEVERITIES as SEVERITY_VALUES, VALUE_SOURCES, VERDICT_VALUES, type ProtocolNote } from '../model';
import { unreadableNote } from '../note/parseNote';

export const SOURCES = new Set<string>(VALUE_SOURCES);
export const LAYER_VALUES = new Set<string>([...LAYERS, 'unclassified']);
export const SEVERITIES = new Set<string>(SEVERITY_VALUES);
export const CODES = new Set<string>(DIAGNOSTIC_CODES);

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Check = (value) => typeof value === 'string';
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const isPosition: Check = (value) => isObject(value) && isCount(value.line) && isCount(value.character);
const isRange: Check = (value) => isObject(value) && isPosition(value.start) && isPosition(value.end);
const optional = (check: Check): Check => (value) => value === undefined || check(value);
const listOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);

// Checks are built once, not per note: a cache holds tens of thousands of ranges.
const isOptionalRange = optional(isRange);
const isSourced = (check: Check): Check => (value) =>
  isObject(value) && check(value.value) && SOURCES.has(value.source as string) && isOptionalRange(value.range);

const isDependency: Check = (value) => isObject(value) && isString(value.raw) && isString(value.target) && isRange(value.range);
const isMention: Check = (value) =>
  isObject(value) && isString(value.target) && (value.kind === 'wikilink' || value.kind === 'link') && isRange(value.range);
const isOverride: Check = (value) =>
  isObject(value) && VERDICT_VALUES.includes(value.verdict as never) && isString(value.reason) && isRange(value.range);
const isOptionalString = optional(isString);
const isOptionalStrings = optional(listOf(isString));
const isData: Check = (value) =>
  isObject(value) && isOptionalStrings(value.suggestions) && isOptionalString(value.target) && isOptionalString(value.field);
const isOptionalData = optional(isData);
const isDiagnostic: Check = (value) =>
  isObject(value) &&
  isString(value.file) &&
  isRange(value.range) &&
  SEVERITIES.has(value.severity as string) &&
  CODES.has(value.code as string) &&
  isString(value.message) &&
  isOptionalData(value.data);
const isFieldRanges: Check = (value) => isObject(value) && Object.values(value).every(isRange);
const isName = isSourced(isString);
const isLayer = isSourced((layer) => LAYER_VALUES.has(layer as string));
const isOptionalCategory = optional(isSourced(isString));
const isStrings = listOf(isString);
const isDependencies = listOf(isDependency);
const isMentions = listOf(isMention);
const isOptionalOverride = optional(isOverride);
const isDiagnostics = listOf(isDiagnostic);

export function isProtocolNote(value: unknown): value is ProtocolNote {
  return (
    isObject(value) &&
    isString(value.path) &&
    isName(value.name) &&
    isStrings(value.aliases) &&
    isLayer(value.layer) &&
    isOptionalCategory(value.category) &&
    isDependencies(value.dependsOn) &&
    isMentions(value.mentions) &&
    isStrings(value.tags) &&
    isOptionalString(value.funding) &&
    isOptionalOverride(value.override) &&
    isOptionalString(value.heading) &&
    isOptionalRange(value.frontMatterRange) &&
    isFieldRanges(value.fieldRanges) &&
    isDiagnostics(value.diagnostics)
  );
}

/**
 * Parse with an injected parser without trusting it: a throw or a malformed result becomes an
 * unreadable note that says why. `trusted` skips the shape check for our own, tested parser.
 */
export function parseChecked(
  parse: (path: string, text: string) => ProtocolNote,
  path: string,
  text: string,
  trusted: boolean,
): ProtocolNote {
  try {
    const note = parse(path, text);
    if (trusted || (isProtocolNote(note) && note.path === path)) return note;
    return unreadableNote(path, 'The parser returned a malformed note.');
  } catch (error) {
    return unreadableNote(path, `Protocol Atlas could not read this note: ${error instanceof Error ? error.message : String(error)}`);
  }
}
