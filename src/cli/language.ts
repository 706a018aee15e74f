// The language the CLI speaks: `--lang zh` (or `--lang=zh-cn`), else the locale the terminal
// says (LC_ALL, LC_MESSAGES, LANG, as gettext reads them), else English. The translations are the
// extension's own bundles (l10n/), read through @vscode/l10n as the core's words are.
import * as l10n from '@vscode/l10n';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CliLanguage = 'en' | 'zh-cn';

/** `zh`, `zh-CN`, `zh_CN.UTF-8` → zh-cn; `en…`, `C`, `POSIX` → en; anything else undefined. */
export function languageOf(tag: string): CliLanguage | undefined {
  const folded = tag.trim().toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  if (folded === 'zh' || folded.startsWith('zh-cn') || folded.startsWith('zh-hans') || folded === 'zh-sg') return 'zh-cn';
  if (folded === '' || folded === 'c' || folded === 'posix' || folded.startsWith('en')) return 'en';
  return undefined;
}

/** The arguments without the `--lang` option, and the language it or the environment asks for. */
export function takeLanguage(args: readonly string[], env: Record<string, string | undefined>): { language: CliLanguage; args: string[]; unknown?: string } {
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--lang') asked = args[++i] ?? '';
    else if (arg.startsWith('--lang=')) asked = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (asked !== undefined) {
    const language = languageOf(asked);
    return language ? { language, args: rest } : { language: 'en', args: rest, unknown: asked };
  }
  // gettext's order; an unknown locale (fr_FR) means English, the language every string is written in.
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return { language: languageOf(locale) ?? 'en', args: rest };
}

/** Makes every l10n.t in the core and the CLI answer in `language` (English needs no bundle). */
export function useLanguage(language: CliLanguage): void {
  if (language === 'en') {
    l10n.config({ contents: {} });
    return;
  }
  const bundle = bundlePath(language);
  l10n.config({ contents: bundle ? (JSON.parse(readFileSync(bundle, 'utf8')) as Record<string, string>) : {} });
}

/** dist/cli.js ships beside l10n/ in the extension; from the sources (tsx) it is two folders up. */
function bundlePath(language: CliLanguage): string | undefined {
  return [join(__dirname, '..', 'l10n'), join(__dirname, '..', '..', 'l10n')].map((folder) => join(folder, `bundle.l10n.${language}.json`)).find((file) => existsSync(file));
}
