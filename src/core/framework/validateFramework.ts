// Checks a parsed framework file against schemas/framework.schema.json, the one statement of its
// structure (editors validate the same file with it), then checks what a schema cannot say:
// unique rule ids, rules another rule shadows, categories the taxonomy does not know. Every problem
// is said in the product's words and points at the line the researcher has to fix, found from
// the error's place in the data back through the YAML syntax tree.
import * as l10n from '@vscode/l10n';
import type AjvClass from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import frameworkSchema from '../../../schemas/framework.schema.json';
import { LAYERS, type Diagnostic, type Range, type Severity } from '../vocabulary/model';
import type { Framework } from './types';
import { CATEGORIES, categoryById } from '../vocabulary/taxonomy';
import { readSynonyms, synonymProblemText, synonymsMoreProblemsText, type SynonymProblem } from '../vocabulary/synonyms';
import { matchKey } from './match';
import { MAX_ALIASED_VALUES, YamlValues, type YamlValue } from './yamlValues';

/** A file is untrusted: past this many problems the rest are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 100;
/** How many of ajv's errors get words and a place; past this the rest are only counted (finding them is cheap, wording them is not). */
const MAX_WORDED_ERRORS = 10 * MAX_LISTED_PROBLEMS;

// ajv compiles the schema to a function (with `new Function`: this runs in the extension host and
// the CLI, never in the webview) once, on the first framework file read; ajv itself is loaded then
// too, so that activating in a workspace without framework files does not pay for it.
let compiled: ValidateFunction | undefined;
function schemaCheck(): ValidateFunction {
  if (compiled) return compiled;
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  // messages: false, since every message is the product's own (Words, below). validateSchema: false,
  // since a unit test holds the schema to draft-07 once rather than every process at start. strictTypes
  // and strictRequired are off because the if/then names fields the rule around it declares and
  // types; an unknown keyword still fails the compile, and with it the unit tests.
  compiled = new Ajv({ allErrors: true, messages: false, strict: true, strictTypes: false, strictRequired: false, validateSchema: false }).compile(frameworkSchema);
  return compiled;
}

interface Schema {
  $ref?: string;
  type?: string;
  enum?: string[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minItems?: number;
  pattern?: string;
}
const definitions = frameworkSchema.definitions as Record<string, Schema>;
const deref = (schema: Schema | undefined) => (schema?.$ref ? definitions[schema.$ref.replace('#/definitions/', '')] : schema);

/** The schema of the value at `path`, following properties and items. */
function schemaAt(path: readonly string[]): Schema | undefined {
  let schema = deref(frameworkSchema as Schema);
  for (const step of path) schema = deref(schema?.type === 'array' ? schema.items : schema?.properties?.[step]);
  return schema;
}

interface Problem {
  node: YamlValue;
  path: readonly string[];
  message: string;
  field: string;
  severity: Severity;
  suggestions?: readonly string[];
}

export function validateFramework(doc: Document, lines: LineCounter, file: string): { framework?: Framework; diagnostics: Diagnostic[] } {
  const values = new YamlValues(doc);
  const data = values.value;
  if (values.overflow !== undefined) {
    const message = l10n.t('aliases repeat more than {0} values; write the framework out without them', MAX_ALIASED_VALUES.toLocaleString('en'));
    return { diagnostics: toDiagnostics([{ node: values.overflow, path: [], message, field: '', severity: 'error' }], lines, file) };
  }
  const validate = schemaCheck();
  const valid = validate(data);
  const words = new Words(values);
  const { problems, unworded } = words.schemaProblems(valid ? [] : (validate.errors ?? []));
  const reported = new Set<unknown>();
  for (const { map, key, path } of values.textlessKeys) {
    if (reported.has(key ?? map) || !words.isChecked(path)) continue;
    reported.add(key ?? map);
    problems.push(words.problem(path, key ?? map, l10n.t('{0}: field names must be text', words.label(path)), words.field(path)));
  }
  problems.push(...ruleProblems(words, problems), ...synonymProblems(words, problems));
  const diagnostics = toDiagnostics(problems, lines, file, unworded);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  // The schema has held every field to its type, so the data is the framework ($schema aside).
  const { $schema: _schema, ...framework } = data as Framework & { $schema?: string };
  return { framework, diagnostics };
}

/** The product's words for each way the schema can fail, at the node the researcher wrote. */
class Words {
  constructor(private readonly values: YamlValues) {}

  problem(path: readonly string[], node: YamlValue, message: string, field: string, severity: Severity = 'error', suggestions?: readonly string[]): Problem {
    return { node, path, message, field, severity, suggestions };
  }

  /** How a message names the value at `path`: `source.url`, `rule 'x': match.tags[0]`, `rule 2`. */
  label(path: readonly string[]): string {
    if (path.length === 0) return l10n.t({ message: 'the framework', comment: ['names the whole framework file at the start of a problem, e.g. "the framework must be a mapping of fields"'] });
    if (path[0] !== 'rules' || path.length === 1) return dotted(path);
    const index = Number(path[1]);
    const id = (this.valueAt(['rules', path[1]]) as Record<string, unknown> | undefined)?.id;
    const rule = typeof id === 'string' && /\S/.test(id) ? l10n.t("rule '{0}'", id) : l10n.t('rule {0}', index + 1);
    return path.length === 2 ? rule : l10n.t({ message: '{0}: {1}', args: [rule, dotted(path.slice(2))], comment: ['a rule, then a field inside it: "rule \'x\': match.tags[0]"'] });
  }

  /** The field a diagnostic's data names: `rules[0].match.tags[1]`. */
  field(path: readonly string[]): string {
    return path.reduce((field, step, i) => (/^\d+$/.test(step) && Array.isArray(this.valueAt(path.slice(0, i))) ? `${field}[${step}]` : field ? `${field}.${step}` : step), '');
  }

  /** Whether the schema reads the map at `path` as fields: it is one, inside what the schema expects. */
  isChecked(path: readonly string[]): boolean {
    return path.every((_, i) => this.hasType(path.slice(0, i))) && schemaAt(path)?.type === 'object';
  }

  private hasType(path: readonly string[]): boolean {
    const value = this.valueAt(path);
    const type = schemaAt(path)?.type;
    return type === 'array' ? Array.isArray(value) : type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  /** The node the researcher wrote at `path` (an alias, not what it names). */
  node(path: readonly string[]): YamlValue {
    const { key, value } = this.values.at(path);
    return value ?? key;
  }

  valueAt(path: readonly string[]): unknown {
    let value = this.values.value;
    for (const step of path) value = typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, step) ? (value as Record<string, unknown>)[step] : undefined;
    return value;
  }

  /** One problem per wrong place, in words; past MAX_WORDED_ERRORS, how many more there are. */
  schemaProblems(errors: readonly ErrorObject[]): { problems: Problem[]; unworded: number } {
    // A value of the wrong type or outside its enum gets one problem, not one per keyword it fails.
    const wrongValue = new Set(errors.filter((e) => e.keyword === 'type' || e.keyword === 'enum').map((e) => e.instancePath));
    const problems: Problem[] = [];
    const seen = new Set<string>();
    let unworded = 0;
    for (const error of errors) {
      if (error.keyword === 'if') continue; // its `then` says what is wrong
      if (wrongValue.has(error.instancePath)) {
        if (seen.has(error.instancePath)) continue;
        seen.add(error.instancePath);
      }
      if (problems.length >= MAX_WORDED_ERRORS) {
        unworded++;
        continue;
      }
      const path = error.instancePath.split('/').slice(1).map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
      problems.push(wrongValue.has(error.instancePath) ? this.wrongValue(path) : this.schemaProblem(error, path));
    }
    return { problems, unworded };
  }

  private wrongValue(path: string[]): Problem {
    const { key, value } = this.values.at(path);
    const node = value ?? key;
    const label = this.label(path);
    const schema = schemaAt(path);
    if (schema?.enum) return this.problem(path, node, l10n.t('{0} must be one of {1}', label, schema.enum.join(', ')), this.field(path), 'error', schema.enum);
    if (schema?.type === 'object') return this.problem(path, node, l10n.t('{0} must be a mapping of fields', label), this.field(path));
    if (schema?.type === 'array') return this.list(path, node);
    const resolved = this.values.resolve(value);
    const message = isScalar(resolved) && resolved.value !== null ? l10n.t('{0} must be text (put it in quotes)', label) : l10n.t('{0} must be text', label);
    return this.problem(path, node, message, this.field(path));
  }

  private list(path: string[], node: YamlValue): Problem {
    const label = this.label(path);
    // The schema's lists are the rules, a match's tags and the synonyms' words (never empty-checked).
    const rules = path[path.length - 1] === 'rules';
    const message =
      path[0] === 'synonyms'
        ? l10n.t('{0} must be a list of words', label)
        : schemaAt(path)?.minItems
          ? rules ? l10n.t('{0} must be a non-empty list of rules', label) : l10n.t('{0} must be a non-empty list of tags', label)
          : rules ? l10n.t('{0} must be a list of rules', label) : l10n.t('{0} must be a list of tags', label);
    return this.problem(path, node, message, this.field(path));
  }

  private schemaProblem(error: ErrorObject, path: string[]): Problem {
    const { key, value } = this.values.at(path);
    const label = this.label(path);
    const field = this.field(path);
    const params = error.params as Record<string, unknown>;
    const object = this.values.resolve(value);
    const keyNode = (name: unknown) => (isMap(object) ? this.values.at([...path, String(name)]).key : undefined) ?? object;
    switch (error.keyword) {
      case 'required':
        return this.problem(path, object, l10n.t("{0}: missing required field '{1}'", label, String(params.missingProperty)), join(field, String(params.missingProperty)));
      case 'additionalProperties': {
        const name = String(params.additionalProperty);
        const schema = schemaAt(path);
        const known = [...(schema?.required ?? []), ...Object.keys(schema?.properties ?? {}).filter((n) => !schema?.required?.includes(n))];
        return this.problem(path, keyNode(name), l10n.t("{0}: unknown field '{1}' (expected {2})", label, name, known.join(', ')), join(field, name), 'error', known);
      }
      case 'pattern':
        return this.problem(path, value ?? key, patternWords(label, String(params.pattern), path), field);
      case 'minItems':
        return this.list(path, value ?? key);
      case 'minProperties':
        return this.problem(path, value ?? key, l10n.t('{0} must set at least one of {1}', label, Object.keys(schemaAt(path)?.properties ?? {}).join(', ')), field);
      case 'uniqueItems': {
        const at = [...path, String(params.j)];
        return this.problem(at, this.values.at(at).value, l10n.t("{0} lists '{1}' twice", label, String(this.valueAt(at))), this.field(at));
      }
      case 'dependencies': {
        const missing = String(params.missingProperty);
        return this.problem(path, keyNode(params.property), l10n.t('{0}: set {1} too, since the {2} reads the other {1}', label, missing, String(params.property)), join(field, missing));
      }
      case 'const': {
        // The schema's only const is the outlook's horizon, which must be the rule's other one.
        const rule = path.slice(0, -2);
        const outlook = this.values.at(path.slice(0, -1)).value;
        return this.problem(path, outlook, l10n.t("{0} must differ from horizon '{1}'", label, String(this.valueAt([...rule, 'horizon']))), field);
      }
      default:
        return this.problem(path, value ?? key, l10n.t('{0} does not fit the framework schema ({1})', label, error.keyword), field);
    }
  }
}

function patternWords(label: string, pattern: string, path: readonly string[]): string {
  if (pattern === frameworkSchema.properties.id.pattern) return l10n.t("{0} must be lowercase words joined by hyphens, e.g. '{1}'", label, path.length === 1 ? 'deepseek-2025' : 'compute-negative');
  if (pattern === definitions.source.properties?.url.pattern) return l10n.t('{0} must be an http or https address', label);
  return l10n.t('{0} must not be empty', label);
}

/** What a schema cannot say: rule ids are unique, a rule is not shadowed, a category exists. */
function ruleProblems(words: Words, schemaProblems: readonly Problem[]): Problem[] {
  const rules = words.valueAt(['rules']);
  if (!Array.isArray(rules)) return [];
  // Each check reads one field of a rule, and only once the schema has passed it.
  const wrong = new Set(schemaProblems.filter((p) => p.severity === 'error').map((p) => p.path.slice(0, 3).join('/')));
  const problems: Problem[] = [];
  const firstById = new Map<string, number>();
  const firstByMatch = new Map<string, string>();
  rules.forEach((rule: Record<string, unknown> | null, index) => {
    const path = ['rules', String(index)];
    const fine = (name: string) => typeof rule === 'object' && rule !== null && name in rule && !wrong.has([...path, name].join('/'));
    const match = rule?.match as Record<string, unknown> | undefined;
    const tags = match?.tags;
    // ajv's uniqueItems keys a plain object by the tag, so it cannot see a repeated '__proto__'.
    if (Array.isArray(tags) && tags.indexOf('__proto__') !== tags.lastIndexOf('__proto__')) {
      const at = [...path, 'match', 'tags', String(tags.lastIndexOf('__proto__'))];
      problems.push(words.problem(at, words.node(at), l10n.t("{0} lists '{1}' twice", words.label(at.slice(0, -1)), '__proto__'), words.field(at)));
      wrong.add([...path, 'match'].join('/'));
    }
    if (typeof match?.category === 'string' && /\S/.test(match.category)) problems.push(...categoryProblems(words, index, match.category, match.layer));
    if (fine('id')) {
      const id = rule?.id as string;
      const earlier = firstById.get(id);
      if (earlier !== undefined) problems.push(words.problem(path, words.node(path), l10n.t('{0}: id is already used by rule {1}', words.label(path), earlier + 1), words.field([...path, 'id'])));
      else firstById.set(id, index);
    }
    if (fine('id') && fine('match')) {
      // Ties go to the rule written first, so a later rule with the very same match never applies.
      const key = matchKey(match as Framework['rules'][number]['match']);
      const shadow = firstByMatch.get(key);
      if (shadow !== undefined) {
        const message = l10n.t("{0} never applies: rule '{1}' has the same match and comes first", words.label(path), shadow);
        problems.push(words.problem(path, words.node(path), message, words.field([...path, 'match']), 'warning'));
      }
      else firstByMatch.set(key, rule?.id as string);
    }
  });
  return problems;
}

/**
 * The synonyms' words, once the schema has passed their shape, held to the setting's bounds and
 * refusals (readSynonyms): a word too long, hidden characters, a word that already names another
 * layer or category, too many words. Each is a warning at the word: it is left out, the rest of the
 * framework is used.
 */
function synonymProblems(words: Words, schemaProblems: readonly Problem[]): Problem[] {
  const synonyms = words.valueAt(['synonyms']);
  if (synonyms === undefined || schemaProblems.some((p) => p.severity === 'error' && p.path[0] === 'synonyms')) return [];
  const read = readSynonyms(synonyms);
  const at = (path: string[], message: string) => words.problem(path, words.node(path), message, words.field(path), 'warning');
  const problems = read.problems.map((problem) => at(synonymPath(problem), synonymProblemText(problem, 'synonyms')));
  if (read.moreProblems > 0) problems.push(at(['synonyms'], synonymsMoreProblemsText(read.moreProblems, 'synonyms')));
  return problems;
}

/** Where in the framework file a problem of its synonyms is: the word itself, when it has one. */
function synonymPath(problem: SynonymProblem): string[] {
  if ('position' in problem) return ['synonyms', problem.group, problem.id, String(problem.position - 1)];
  if ('id' in problem) return ['synonyms', problem.group, problem.id];
  if ('group' in problem && problem.group) return ['synonyms', problem.group];
  return ['synonyms'];
}

/** Valid but suspicious: a misspelt or misplaced category silently matches nothing. */
function categoryProblems(words: Words, index: number, category: string, layer: unknown): Problem[] {
  const path = ['rules', String(index), 'match', 'category'];
  const label = words.label(path.slice(0, 2));
  const known = categoryById(category.trim().toLowerCase());
  if (!known) {
    const message = l10n.t("{0}: match.category '{1}' is not a known category, so the rule applies only to notes that write it the same way", label, category);
    return [words.problem(path, words.node(path), message, words.field(path), 'warning', CATEGORIES.map((c) => c.id))];
  }
  if (typeof layer === 'string' && (LAYERS as readonly string[]).includes(layer) && known.layer !== layer) {
    return [words.problem(path, words.node(path), l10n.t("{0} never applies: category '{1}' belongs to {2}, not {3}", label, known.id, known.layer, layer), words.field(path), 'warning')];
  }
  return [];
}

function dotted(path: readonly string[]): string {
  return path.reduce((text, step) => (/^\d+$/.test(step) ? `${text}[${step}]` : text ? `${text}.${step}` : step), '');
}

function join(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

/** Problems as diagnostics in the order of the file, the first MAX_LISTED_PROBLEMS listed and the rest counted. */
function toDiagnostics(problems: readonly Problem[], lines: LineCounter, file: string, unworded = 0): Diagnostic[] {
  const position = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line: line - 1, character: col - 1 };
  };
  /** Where a node starts, up to the end of its first line: a whole rule underlined is noise. */
  const range = (node: YamlValue): Range => {
    const [start, end] = node?.range ?? [0, 0];
    // linePos is 1-based, so lineStarts[line] is where the following line starts.
    const next = lines.lineStarts[lines.linePos(start).line];
    return { start: position(start), end: position(Math.min(end, next === undefined ? Number.MAX_SAFE_INTEGER : next - 1)) };
  };
  const diagnostics = problems.map(({ node, message, field, severity, suggestions }): Diagnostic => ({
    file,
    range: range(node),
    severity,
    code: 'invalid-framework',
    message,
    data: suggestions ? { field, suggestions: [...suggestions] } : { field },
  }));
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (diagnostics.length <= MAX_LISTED_PROBLEMS && unworded === 0) return diagnostics;
  const rest = diagnostics.slice(MAX_LISTED_PROBLEMS);
  const severity = unworded > 0 || rest.some((d) => d.severity === 'error') ? 'error' : 'warning';
  const message = l10n.t('{0} more problems in this file are not listed; fix the ones above first', rest.length + unworded);
  return [...diagnostics.slice(0, MAX_LISTED_PROBLEMS), { file, range: range(null), severity, code: 'invalid-framework', message, data: { field: '' } }];
}
