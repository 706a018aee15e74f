// The domain vocabulary shared by every part of the core, the CLI, the extension and the webview.
// Plain data only (no classes, no functions): every value here must survive JSON, because it
// crosses into the webview, into the CLI's --json output and into the persisted index cache.

/** The four layers of the article, bottom to top, plus a home for notes that name none. */
export const LAYERS = ['infrastructure', 'middleware', 'model', 'application'] as const;
export type ClassifiedLayer = (typeof LAYERS)[number];
export type Layer = ClassifiedLayer | 'unclassified';

export const VERDICT_VALUES = ['positive', 'negative', 'mixed', 'not-assessed'] as const;
export type VerdictValue = (typeof VERDICT_VALUES)[number];

/** A zero-based position, as in the Language Server Protocol, so adapters map it 1:1. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Stable codes, so quick fixes and tests can key on them rather than on message text. The list is
 * the type: the cache check reads it, so a new code cannot make every cached note look corrupt.
 */
export const DIAGNOSTIC_CODES = [
  'invalid-yaml',
  'invalid-field',
  'unknown-layer',
  'unknown-category',
  'unresolved-dependency',
  'duplicate-name',
  'dependency-cycle',
  'self-dependency',
  'override-without-reason',
  'invalid-override',
  'unreadable-note',
  'note-too-large',
  'invalid-framework',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export interface Diagnostic {
  /** The note's path, exactly as the caller gave it to the index. */
  file: string;
  range: Range;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Machine-readable details for quick fixes, e.g. { suggestions: ['infrastructure'] }. */
  data?: { suggestions?: string[]; target?: string; field?: string };
}

/** Where a value came from, in the order the fallbacks are tried. */
export const VALUE_SOURCES = ['front-matter', 'heading', 'file-name', 'tag', 'folder', 'default'] as const;
type ValueSource = (typeof VALUE_SOURCES)[number];

export interface Sourced<T> {
  value: T;
  source: ValueSource;
  /** Where the value is written in the note, when it is written at all. */
  range?: Range;
}

/** A declared dependency, as written in `depends_on`. */
export interface DependencyRef {
  /** The text as the researcher wrote it, e.g. "[[io.net]]" or "IO". */
  raw: string;
  /** The name it refers to, with wikilink brackets and any `|label` removed. */
  target: string;
  range: Range;
}

export const MENTION_KINDS = ['wikilink', 'link'] as const;

/** A link in the body: context, not a declared dependency. */
export interface Mention {
  target: string;
  kind: (typeof MENTION_KINDS)[number];
  range: Range;
}

export interface ImpactOverride {
  verdict: VerdictValue;
  reason: string;
  range: Range;
}

/** Everything the parser learns from one note, before the index resolves names across notes. */
export interface ProtocolNote {
  /** The caller's key for the note (a workspace-relative or absolute path, or a URI string). */
  path: string;
  name: Sourced<string>;
  aliases: string[];
  layer: Sourced<Layer>;
  /** Canonical category id (see taxonomy), or the raw text when it is unknown. */
  category?: Sourced<string>;
  dependsOn: DependencyRef[];
  mentions: Mention[];
  tags: string[];
  funding?: string;
  override?: ImpactOverride;
  /** The first H1 of the body, if any. */
  heading?: string;
  /** The front matter block, including its `---` fences, when the note has one. */
  frontMatterRange?: Range;
  /** Where each front matter key's value is written, for hover, completion and rename. */
  fieldRanges: Record<string, Range>;
  /** Problems found in this note alone (cross-note ones are added by the index). */
  diagnostics: Diagnostic[];
}

export type Strength = 'weak' | 'moderate' | 'strong' | 'strongest';
export type Horizon = 'short-term' | 'long-term';

/** A protocol's flag under a framework, always with its reason. */
export interface Verdict {
  value: VerdictValue;
  rationale: string;
  /** The article's section the rule cites, e.g. "3 (positive), 4"; absent when not assessed. */
  section?: string;
  source: 'framework' | 'override';
  /** The framework rule that produced it (absent for overrides and "not assessed"). */
  ruleId?: string;
  strength?: Strength;
  /** The horizon `value` applies to, when the framework distinguishes horizons. */
  horizon?: Horizon;
  /** A second reading over the other horizon, e.g. agents: negative short-term, positive long-term. */
  outlook?: { horizon: Horizon; value: VerdictValue; rationale: string };
  /** For an override: what the framework itself said, so the UI can show both side by side. */
  frameworkVerdict?: Verdict;
}

/** A negatively affected protocol that `protocol` depends on, directly or transitively. */
export interface Exposure {
  /** Note paths from the exposed protocol (first) to the negatively affected one (last). */
  path: string[];
  /** The verdict of the last protocol on the path. */
  verdict: Verdict;
}
