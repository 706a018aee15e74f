// The tests' oracle for a well-formed ProtocolNote: every field of the model checked (a field
// added to the model fails to compile here until it is checked), so a test can say that what the
// parser or the cache's reader returns is a note, whatever the input. Shipped code needs none of
// it: parseNote is built to return well-formed notes and the cache's reader checks each value.
import { DIAGNOSTIC_CODES, LAYERS, MENTION_KINDS, SEVERITIES as SEVERITY_VALUES, VALUE_SOURCES, VERDICT_VALUES, type DependencyRef, type Diagnostic, type ImpactOverride, type Mention, type ProtocolNote } from '../../../src/core/vocabulary/model';

const SOURCES = new Set<string>(VALUE_SOURCES);
const LAYER_VALUES = new Set<string>([...LAYERS, 'unclassified']);
const SEVERITIES = new Set<string>(SEVERITY_VALUES);
const CODES = new Set<string>(DIAGNOSTIC_CODES);

type Check = (value: unknown) => boolean;
/** A check for every field of T, so a field added to the model fails to compile until it is checked. */
type Checks<T> = { [Key in keyof T]-?: Check };

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

const hasFields = <T>(checks: Checks<T>): Check => {
  const fields = Object.entries<Check>(checks);
  return (value) => isObject(value) && fields.every(([key, check]) => check(value[key]));
};
const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    values.includes(value as string);
const isDependency = hasFields<DependencyRef>({ raw: isString, target: isString, range: isRange });
const isMention = hasFields<Mention>({ target: isString, kind: oneOf(MENTION_KINDS), range: isRange });
const isOverride = hasFields<ImpactOverride>({ verdict: oneOf(VERDICT_VALUES), reason: isString, range: isRange });
const isOptionalString = optional(isString);
const isOptionalStrings = optional(listOf(isString));
const isData = hasFields<NonNullable<Diagnostic['data']>>({ suggestions: isOptionalStrings, target: isOptionalString, field: isOptionalString });
const isDiagnostic = hasFields<Diagnostic>({
  file: isString,
  range: isRange,
  severity: (severity) => SEVERITIES.has(severity as string),
  code: (code) => CODES.has(code as string),
  message: isString,
  data: optional(isData),
});
const isFieldRanges: Check = (value) => isObject(value) && Object.values(value).every(isRange);
const isName = isSourced(isString);
const isLayer = isSourced((layer) => LAYER_VALUES.has(layer as string));
const isOptionalCategory = optional(isSourced(isString));
const isStrings = listOf(isString);
const isDependencies = listOf(isDependency);
const isMentions = listOf(isMention);
const isOptionalOverride = optional(isOverride);
const isDiagnostics = listOf(isDiagnostic);

const isNote = hasFields<ProtocolNote>({
  path: isString,
  name: isName,
  aliases: isStrings,
  layer: isLayer,
  category: isOptionalCategory,
  dependsOn: isDependencies,
  mentions: isMentions,
  tags: isStrings,
  funding: isOptionalString,
  override: isOptionalOverride,
  heading: isOptionalString,
  frontMatterRange: isOptionalRange,
  fieldRanges: isFieldRanges,
  diagnostics: isDiagnostics,
});

export function isProtocolNote(value: unknown): value is ProtocolNote {
  return isNote(value);
}
