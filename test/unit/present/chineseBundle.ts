// The product's Chinese bundle, configured the way the extension (at activation) and the CLI
// (--lang zh) configure @vscode/l10n, for the span of one call.
import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const chineseBundle = JSON.parse(readFileSync(join(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

/** `run` with every l10n.t answering in Chinese; English again afterwards, even when it throws. */
export function inChinese<T>(run: () => T): T {
  l10n.config({ contents: chineseBundle });
  try {
    return run();
  } finally {
    l10n.config({ contents: {} });
  }
}

/** Holds Chinese characters (Han script). */
export const HAN = /\p{Script=Han}/u;
