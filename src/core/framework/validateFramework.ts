// Checks a parsed framework file field by field against the rules of schemas/framework.schema.json
// (a unit test holds the two together). It walks the YAML syntax tree rather than plain values so
// every problem points at the line the researcher has to fix.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { LAYERS, VERDICT_VALUES, type Diagnostic, type Range, type Severity } from '../vocabulary/model';
import {
  HORIZONS,
  STRENGTHS,
  type Framework,
  type FrameworkMatch,
  type FrameworkOutlook,
  type FrameworkRule,
  type FrameworkSource,
} from './types';
import { CATEGORIES, categoryById } from '../vocabulary/taxonomy';
import { matchKey } from './match';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const URL_PATTERN = /^https?:\/\/\S+$/;
/** Text fields must say something: whitespace alone is as good as missing. */
export const TEXT_PATTERN = /\S/;

/** The fields of each object in a framework file, as the schema's `required` and `properties`. */
export const FRAMEWORK_FIELDS = {
  framework: { required: ['id', 'title', 'source', 'rules'], optional: ['$schema', 'description'] },
  source: { required: ['article', 'author', 'date'], optional: ['publisher', 'url'] },
  rule: { required: ['id', 'match', 'verdict', 'rationale', 'section'], optional: ['strength', 'horizon', 'outlook'] },
  match: { required: [], optional: ['layer', 'category', 'tags'] },
  outlook: { required: ['horizon', 'verdict', 'rationale'], optional: [] },
} as const;

type Shape = keyof typeof FRAMEWORK_FIELDS;
type YamlValue = YamlNode | null | undefined;
interface Entry {
  key: YamlNode;
  value: YamlValue;
}

class Checker {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly file: string,
    readonly diagnostics: Diagnostic[],
  ) {}

  report(node: YamlValue, message: string, field: string, severity: Severity = 'error', suggestions?: readonly string[]): void {
    this.diagnostics.push({
      file: this.file,
      range: this.range(node),
      severity,
      code: 'invalid-framework',
      message,
      data: suggestions ? { field, suggestions: [...suggestions] } : { field },
    });
  }

  /** Where a node starts, up to the end of its first line: a whole rule underlined is noise. */
  range(node: YamlValue): Range {
    const [start, end] = node?.range ?? [0, 0];
    const newline = this.lineEnd(start);
    return { start: this.position(start), end: this.position(Math.min(end, newline)) };
  }

  resolve(node: YamlValue): YamlValue {
    // Aliases let a researcher reuse a rationale; following one is bounded by the schema's depth.
    return isAlias(node) ? node.resolve(this.doc) : node;
  }

  fields(node: YamlValue, shape: Shape, label: string, field: string): Map<string, Entry> | undefined {
    const map = this.resolve(node);
    if (!isMap(map)) {
      this.report(node, `${label} must be a mapping of fields`, field);
      return undefined;
    }
    const { required, optional } = FRAMEWORK_FIELDS[shape];
    const known: readonly string[] = [...required, ...optional];
    const found = new Map<string, Entry>();
    for (const pair of map.items) {
      const key = pair.key as YamlValue;
      const name = isScalar(key) && typeof key.value === 'string' ? key.value : undefined;
      if (!key || name === undefined) {
        this.report(key ?? map, `${label}: field names must be text`, field);
      } else if (!known.includes(name)) {
        this.report(key, `${label}: unknown field '${name}' (expected ${known.join(', ')})`, join(field, name), 'error', known);
      } else {
        found.set(name, { key, value: pair.value as YamlValue });
      }
    }
    for (const name of required) {
      if (!found.has(name)) this.report(map, `${label}: missing required field '${name}'`, join(field, name));
    }
    return found;
  }

  text(entry: Entry | undefined, label: string, field: string, pattern = TEXT_PATTERN, expected = 'must not be empty'): string | undefined {
    if (!entry) return undefined;
    const node = this.resolve(entry.value);
    if (!isScalar(node) || typeof node.value !== 'string') {
      const quote = isScalar(node) && node.value !== null ? ' (put it in quotes)' : '';
      this.report(entry.value ?? entry.key, `${label} must be text${quote}`, field);
      return undefined;
    }
    if (!pattern.test(node.value)) {
      this.report(entry.value, `${label} ${expected}`, field);
      return undefined;
    }
    return node.value;
  }

  oneOf<T extends string>(entry: Entry | undefined, label: string, field: string, values: readonly T[]): T | undefined {
    if (!entry) return undefined;
    const node = this.resolve(entry.value);
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.report(entry.value ?? entry.key, `${label} must be one of ${values.join(', ')}`, field, 'error', values);
    return undefined;
  }

  private position(offset: number): { line: number; character: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line: line - 1, character: col - 1 };
  }

  private lineEnd(offset: number): number {
    // linePos is 1-based, so lineStarts[line] is where the following line starts.
    const next = this.lines.lineStarts[this.lines.linePos(offset).line];
    return next === undefined ? Number.MAX_SAFE_INTEGER : next - 1;
  }
}

function join(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

export function validateFramework(doc: Document, lines: LineCounter, file: string): { framework?: Framework; diagnostics: Diagnostic[] } {
  const check = new Checker(doc, lines, file, []);
  const top = check.fields(doc.contents as YamlValue, 'framework', 'the framework', '');
  if (!top) return { diagnostics: check.diagnostics };

  const id = check.text(top.get('id'), 'id', 'id', ID_PATTERN, "must be lowercase words joined by hyphens, e.g. 'deepseek-2025'");
  const title = check.text(top.get('title'), 'title', 'title');
  const description = check.text(top.get('description'), 'description', 'description', /[^]*/);
  check.text(top.get('$schema'), '$schema', '$schema', /[^]*/);
  const source = readSource(check, top.get('source'));
  const rules = readRules(check, top.get('rules'));

  const failed = check.diagnostics.some((d) => d.severity === 'error');
  if (failed || !id || !title || !source || !rules) return { diagnostics: check.diagnostics };
  const framework: Framework = { id, title, ...(description !== undefined && { description }), source, rules };
  return { framework, diagnostics: check.diagnostics };
}

function readSource(check: Checker, entry: Entry | undefined): FrameworkSource | undefined {
  if (!entry) return undefined;
  const fields = check.fields(entry.value, 'source', 'source', 'source');
  if (!fields) return undefined;
  const [article, author, date, publisher] = (['article', 'author', 'date', 'publisher'] as const).map((name) =>
    check.text(fields.get(name), `source.${name}`, `source.${name}`),
  );
  const url = check.text(fields.get('url'), 'source.url', 'source.url', URL_PATTERN, 'must be an http or https address');
  if (!article || !author || !date) return undefined;
  return { article, author, date, ...(publisher !== undefined && { publisher }), ...(url !== undefined && { url }) };
}

function readRules(check: Checker, entry: Entry | undefined): FrameworkRule[] | undefined {
  if (!entry) return undefined;
  const list = check.resolve(entry.value);
  if (!isSeq(list)) {
    check.report(entry.value ?? entry.key, 'rules must be a list of rules', 'rules');
    return undefined;
  }
  const rules: FrameworkRule[] = [];
  const firstById = new Map<string, number>();
  const firstByMatch = new Map<string, string>();
  list.items.forEach((item, index) => {
    const node = item as YamlValue;
    const rule = readRule(check, node, index);
    if (!rule) return;
    const earlier = firstById.get(rule.id);
    if (earlier !== undefined) {
      check.report(node, `rule '${rule.id}': id is already used by rule ${earlier + 1}`, `rules[${index}].id`);
    } else {
      firstById.set(rule.id, index);
    }
    // Ties go to the rule written first, so a later rule with the very same match never applies.
    const key = matchKey(rule.match);
    const shadow = firstByMatch.get(key);
    if (shadow !== undefined) {
      check.report(node, `rule '${rule.id}' never applies: rule '${shadow}' has the same match and comes first`, `rules[${index}].match`, 'warning');
    } else {
      firstByMatch.set(key, rule.id);
    }
    rules.push(rule);
  });
  return rules;
}

function readRule(check: Checker, node: YamlValue, index: number): FrameworkRule | undefined {
  const at = `rules[${index}]`;
  const resolved = check.resolve(node);
  const rawId = isMap(resolved) ? resolved.get('id') : undefined;
  const label = typeof rawId === 'string' && TEXT_PATTERN.test(rawId) ? `rule '${rawId}'` : `rule ${index + 1}`;
  const fields = check.fields(node, 'rule', label, at);
  if (!fields) return undefined;

  const id = check.text(fields.get('id'), `${label}: id`, `${at}.id`, ID_PATTERN, "must be lowercase words joined by hyphens, e.g. 'compute-negative'");
  const match = readMatch(check, fields.get('match'), label, `${at}.match`);
  const verdict = check.oneOf(fields.get('verdict'), `${label}: verdict`, `${at}.verdict`, VERDICT_VALUES);
  const strength = check.oneOf(fields.get('strength'), `${label}: strength`, `${at}.strength`, STRENGTHS);
  const horizon = check.oneOf(fields.get('horizon'), `${label}: horizon`, `${at}.horizon`, HORIZONS);
  const outlook = readOutlook(check, fields.get('outlook'), label, `${at}.outlook`);
  const rationale = check.text(fields.get('rationale'), `${label}: rationale`, `${at}.rationale`);
  const section = check.text(fields.get('section'), `${label}: section`, `${at}.section`);

  const outlookEntry = fields.get('outlook');
  if (outlookEntry && !fields.has('horizon')) {
    check.report(outlookEntry.key, `${label}: set horizon too, since the outlook reads the other horizon`, `${at}.horizon`);
  } else if (outlook && horizon && outlook.horizon === horizon) {
    check.report(outlookEntry?.value, `${label}: outlook.horizon must differ from horizon '${horizon}'`, `${at}.outlook.horizon`);
    return undefined;
  }
  if (!id || !match || !verdict || !rationale || !section) return undefined;
  if (fields.has('outlook') && (!outlook || !horizon)) return undefined;
  return {
    id,
    match,
    verdict,
    ...(strength && { strength }),
    ...(horizon && { horizon }),
    ...(outlook && { outlook }),
    rationale,
    section,
  };
}

function readMatch(check: Checker, entry: Entry | undefined, label: string, at: string): FrameworkMatch | undefined {
  if (!entry) return undefined;
  const fields = check.fields(entry.value, 'match', `${label}: match`, at);
  if (!fields) return undefined;
  if (fields.size === 0) {
    check.report(entry.value ?? entry.key, `${label}: match must set at least one of layer, category, tags`, at);
    return undefined;
  }
  const layer = check.oneOf(fields.get('layer'), `${label}: match.layer`, `${at}.layer`, LAYERS);
  const category = check.text(fields.get('category'), `${label}: match.category`, `${at}.category`);
  const tags = readTags(check, fields.get('tags'), label, `${at}.tags`);
  if (category) checkCategory(check, fields.get('category'), label, at, category, layer);
  if ((fields.has('layer') && !layer) || (fields.has('category') && !category) || (fields.has('tags') && !tags)) return undefined;
  return { ...(layer && { layer }), ...(category && { category }), ...(tags && { tags }) };
}

/** Valid but suspicious: a misspelt or misplaced category silently matches nothing. */
function checkCategory(check: Checker, entry: Entry | undefined, label: string, at: string, category: string, layer?: string): void {
  const known = categoryById(category.trim().toLowerCase());
  if (!known) {
    const message = `${label}: match.category '${category}' is not a known category, so the rule applies only to notes that write it the same way`;
    check.report(entry?.value, message, `${at}.category`, 'warning', CATEGORIES.map((c) => c.id));
  } else if (layer && known.layer !== layer) {
    check.report(entry?.value, `${label} never applies: category '${known.id}' belongs to ${known.layer}, not ${layer}`, `${at}.category`, 'warning');
  }
}

function readTags(check: Checker, entry: Entry | undefined, label: string, at: string): string[] | undefined {
  if (!entry) return undefined;
  const list = check.resolve(entry.value);
  if (!isSeq(list) || list.items.length === 0) {
    check.report(entry.value ?? entry.key, `${label}: match.tags must be a non-empty list of tags`, at);
    return undefined;
  }
  const tags: string[] = [];
  let valid = true;
  list.items.forEach((item, i) => {
    const tag = check.text({ key: entry.key, value: item as YamlValue }, `${label}: match.tags[${i}]`, `${at}[${i}]`);
    if (tag === undefined) valid = false;
    else if (tags.includes(tag)) {
      check.report(item as YamlValue, `${label}: match.tags lists '${tag}' twice`, `${at}[${i}]`);
      valid = false;
    } else tags.push(tag);
  });
  return valid ? tags : undefined;
}

function readOutlook(check: Checker, entry: Entry | undefined, label: string, at: string): FrameworkOutlook | undefined {
  if (!entry) return undefined;
  const fields = check.fields(entry.value, 'outlook', `${label}: outlook`, at);
  if (!fields) return undefined;
  const horizon = check.oneOf(fields.get('horizon'), `${label}: outlook.horizon`, `${at}.horizon`, HORIZONS);
  const verdict = check.oneOf(fields.get('verdict'), `${label}: outlook.verdict`, `${at}.verdict`, VERDICT_VALUES);
  const rationale = check.text(fields.get('rationale'), `${label}: outlook.rationale`, `${at}.rationale`);
  return horizon && verdict && rationale ? { horizon, verdict, rationale } : undefined;
}
