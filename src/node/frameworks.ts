// Frameworks a researcher keeps in the workspace, under .protocol-atlas/frameworks/.
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FRAMEWORK_BYTES, frameworkIdTaken, parseFramework, type Framework } from '../core/framework';
import { builtinFrameworks } from '../core/framework/builtin';
import type { Diagnostic } from '../core/vocabulary/model';
import { UnsafeFileError, isInside, readRegularFile } from './safeRead';

const WORKSPACE_FRAMEWORKS_FOLDER = path.join('.protocol-atlas', 'frameworks');
const FRAMEWORK_FILE = /\.(ya?ml|json)$/i;

export function loadWorkspaceFrameworks(folder: string): { frameworks: Framework[]; diagnostics: Diagnostic[] } {
  const directory = path.join(folder, WORKSPACE_FRAMEWORKS_FOLDER);
  const frameworks: Framework[] = [];
  const diagnostics: Diagnostic[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(directory).filter((name) => FRAMEWORK_FILE.test(name)).sort();
  } catch {
    return { frameworks, diagnostics };
  }
  const ids = new Set(builtinFrameworks().map((framework) => framework.id));
  for (const name of names) {
    const file = path.join(directory, name);
    const displayName = path.relative(folder, file).split(path.sep).join('/');
    // Git carries links: one that leads out of the vault is not read, whatever it points at.
    if (!insideFolder(folder, file)) {
      diagnostics.push(...unreadable(displayName, 'it is a link to a file outside the folder'));
      continue;
    }
    const result = readFramework(file, displayName);
    diagnostics.push(...result.diagnostics);
    if (!result.framework) continue;
    if (ids.has(result.framework.id)) {
      diagnostics.push(frameworkIdTaken(displayName, result.framework.id));
      continue;
    }
    ids.add(result.framework.id);
    frameworks.push(result.framework);
  }
  return { frameworks, diagnostics };
}

function readFramework(file: string, displayName = file): { framework?: Framework; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    // Characters, not bytes, bound a framework: four bytes a character at most.
    text = readRegularFile(file, 4 * MAX_FRAMEWORK_BYTES);
  } catch (error) {
    const reason = error instanceof UnsafeFileError ? `it is ${error.message}` : error instanceof Error ? error.message : String(error);
    return { diagnostics: unreadable(displayName, reason) };
  }
  return parseFramework(text, displayName);
}

function unreadable(file: string, reason: string): Diagnostic[] {
  const at = { line: 0, character: 0 };
  return [{ file, range: { start: at, end: at }, severity: 'error', code: 'invalid-framework', message: l10n.t('Cannot read the framework file: {0}', reason) }];
}

function insideFolder(folder: string, file: string): boolean {
  try {
    return isInside(fs.realpathSync(folder), fs.realpathSync(file));
  } catch {
    return true; // a broken link: reading it reports the problem
  }
}

/**
 * Finds a framework by id (built-in first, then the workspace's) or by file path, the way the
 * CLI's --framework option takes it.
 */
export function resolveFramework(
  spec: string,
  folder: string,
): { framework?: Framework; diagnostics: Diagnostic[]; available: string[] } {
  const workspace = loadWorkspaceFrameworks(folder);
  const all = [...builtinFrameworks(), ...workspace.frameworks];
  const available = all.map((framework) => framework.id);
  const byId = all.find((framework) => framework.id === spec);
  if (byId) return { framework: byId, diagnostics: [], available };
  if (FRAMEWORK_FILE.test(spec) || spec.includes('/') || spec.includes(path.sep)) {
    return { ...readFramework(path.resolve(spec), spec), available };
  }
  return { diagnostics: workspace.diagnostics, available };
}
