// What every subcommand needs: the notes of a folder in an atlas, seen through a framework.
import * as fs from 'node:fs';
import { Atlas, defaultFramework } from '../core/atlas';
import type { Framework } from '../core/framework';
import { indexFolder } from '../node/indexFolder';
import { resolveFramework } from '../node/frameworks';
import { FOLDER_SETTINGS_FILE, readFolderSetting } from '../node/folderSettings';
import { SYNONYMS_SETTING, leftOutWordText, readSynonyms, synonymProblemTexts, withFrameworkSynonyms } from '../core/vocabulary/synonyms';
import type { Vocabulary } from '../core/vocabulary/taxonomy';
import { terminalText } from '../core/present/untrustedText';

export class UsageError extends Error {}

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** The terminal's width in columns; absent when the output is not a terminal (a file, a pipe). */
  readonly columns?: number;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  get columns() {
    return process.stdout.isTTY ? process.stdout.columns : undefined;
  },
};

/** Lines are fitted to this many columns when the output is not a terminal. */
export const DEFAULT_COLUMNS = 100;

export function requireFolder(folder: string | undefined): string {
  if (!folder) throw new UsageError('Give the folder that holds your protocol notes.');
  let isFolder = false;
  try {
    isFolder = fs.statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new UsageError(`'${folder}' is not a folder.`);
  return folder;
}

export function frameworkFor(spec: string | undefined, folder: string): Framework {
  if (!spec) return defaultFramework();
  const { framework, diagnostics, available } = resolveFramework(spec, folder);
  if (framework) return framework;
  const problems = diagnostics.map((d) => `  ${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
  throw new UsageError(
    [`No framework '${spec}'. Available: ${available.join(', ')} (or give a .yaml/.json file).`, ...problems].join('\n'),
  );
}

/** Loads the folder's notes into an atlas; unreadable files are reported, never fatal. */
export function openAtlas(folder: string, framework: Framework, output: Output): Atlas {
  // The framework's own words, under the setting's (see withFrameworkSynonyms).
  const { vocabulary, leftOut } = withFrameworkSynonyms(folderVocabulary(folder, output), framework.synonyms);
  for (const word of leftOut) output.err(terminalText(leftOutWordText(framework.id, word)));
  const { index, skipped } = indexFolder(folder, { vocabulary });
  for (const file of skipped) output.err(`skipped ${file.path}: ${file.reason}`);
  return new Atlas({ index, framework, vocabulary: () => vocabulary });
}

/**
 * The built-in words and the researcher's own, from `protocolAtlas.synonyms` in the folder's
 * .vscode/settings.json as the editor reads them; what cannot be used is said on stderr.
 */
function folderVocabulary(folder: string, output: Output): Vocabulary {
  const setting = readFolderSetting(folder, SYNONYMS_SETTING);
  if (setting.problem) output.err(`skipped ${FOLDER_SETTINGS_FILE}: ${setting.problem}`);
  const read = readSynonyms(setting.value);
  for (const text of synonymProblemTexts(read)) output.err(`${FOLDER_SETTINGS_FILE}: ${terminalText(text)}`);
  return read.vocabulary;
}
