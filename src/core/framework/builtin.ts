// The frameworks that ship with the extension. They are JSON data, not code, so they read like
// the workspace frameworks researchers write, and every bundler imports them without a loader.
// A built-in framework's words also come in the display language: a translation beside it
// (builtin/<id>.<language>.json) gives its title, description and source date, and per rule id
// the rationale, the section and the outlook's rationale. Everything else (ids, matches, verdicts,
// strengths, horizons) is the English file's, so a protocol gets the same flag in every language.
// Framework files a researcher writes stay in one language, the one they are written in.
import deepseek2025 from './builtin/deepseek-2025.json';
import deepseek2025ZhCn from './builtin/deepseek-2025.zh-cn.json';
import { displayLanguage } from '../vocabulary/labels';
import type { Framework, FrameworkRule } from './types';

/** The article the product was built around: BlockBooster, February 2025 (builtin/deepseek-2025.json carries its rules and sections). */
export const DEFAULT_FRAMEWORK_ID = 'deepseek-2025';

/** A built-in framework's words in another language (builtin/<id>.<language>.json). */
interface FrameworkTranslation {
  title: string;
  description?: string;
  source?: { date?: string };
  /** By rule id: every rule of the framework, and no other. */
  rules: Record<string, { rationale: string; section: string; outlook?: { rationale: string } }>;
}

// The `$schema` key only helps editors; the unit tests run each file through parseFramework.
const { $schema: _schema, ...deepseek } = deepseek2025;

const ENGLISH: readonly Framework[] = [deepseek as Framework];

/** Language tag (as displayLanguage gives it) to framework id to translation. */
const TRANSLATIONS = new Map<string, ReadonlyMap<string, FrameworkTranslation>>([['zh-cn', new Map([[DEFAULT_FRAMEWORK_ID, deepseek2025ZhCn]])]]);

/** Built once per language: the same objects each time, so a framework chosen twice is one framework. */
const byLanguage = new Map<string, Framework[]>();

/**
 * The built-in frameworks in the display language (English where there is no translation). Ask
 * after the adapter has configured @vscode/l10n: the extension does at activation, the CLI before
 * each run.
 */
export function builtinFrameworks(): Framework[] {
  const language = displayLanguage();
  let frameworks = byLanguage.get(language);
  if (!frameworks) {
    const translations = TRANSLATIONS.get(language);
    frameworks = ENGLISH.map((framework) => {
      const translation = translations?.get(framework.id);
      return translation ? translated(framework, translation) : framework;
    });
    byLanguage.set(language, frameworks);
  }
  return frameworks;
}

/** The framework with its words replaced by the translation's; a word it lacks stays English. */
function translated(framework: Framework, translation: FrameworkTranslation): Framework {
  const rule = (english: FrameworkRule): FrameworkRule => {
    const words = Object.hasOwn(translation.rules, english.id) ? translation.rules[english.id] : undefined;
    if (!words) return english;
    return {
      ...english,
      rationale: words.rationale,
      section: words.section,
      ...(english.outlook && { outlook: { ...english.outlook, rationale: words.outlook?.rationale ?? english.outlook.rationale } }),
    };
  };
  return {
    ...framework,
    title: translation.title,
    ...(framework.description !== undefined && { description: translation.description ?? framework.description }),
    source: { ...framework.source, ...(translation.source?.date !== undefined && { date: translation.source.date }) },
    rules: framework.rules.map(rule),
  };
}
