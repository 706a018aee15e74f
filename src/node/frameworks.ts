// Frameworks a researcher keeps in the workspace, under .protocol-atlas/frameworks/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFramework, type Framework } from '../core/framework';
import { BUILTIN_FRAMEWORKS } from '../core/framework/builtin';
import type { Diagnostic } from '../core/model';

export const WORKSPACE_FRAMEWORKS_FOLDER = path.join('.protocol-atlas', 'frameworks');
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
  for (const name of names) {
    const file = path.join(directory, name);
    const result = readFramework(file, path.relative(folder, file).split(path.sep).join('/'));
    if (result.framework) frameworks.push(result.framework);
    diagnostics.push(...result.diagnostics);
  }
  return { frameworks, diagnostics };
}

export function readFramework(file: string, displayName = file): { framework?: Framework; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const message = `Cannot read the framework file: ${error instanceof Error ? error.message : String(error)}`;
    const at = { line: 0, character: 0 };
    return { diagnostics: [{ file: displayName, range: { start: at, end: at }, severity: 'error', code: 'invalid-framework', message }] };
  }
  return parseFramework(text, displayName);
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
  const all = [...BUILTIN_FRAMEWORKS, ...workspace.frameworks];
  const available = all.map((framework) => framework.id);
  const byId = all.find((framework) => framework.id === spec);
  if (byId) return { framework: byId, diagnostics: [], available };
  if (FRAMEWORK_FILE.test(spec) || spec.includes('/') || spec.includes(path.sep)) {
    return { ...readFramework(path.resolve(spec), spec), available };
  }
  return { diagnostics: workspace.diagnostics, available };
}
