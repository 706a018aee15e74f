// Reads a framework file (YAML, or JSON, which YAML 1.2 reads as well) into a Framework, or into
// diagnostics that say what to fix and where. Framework files come from researchers' workspaces,
// so nothing here may throw: every failure is a diagnostic.
import * as l10n from '@vscode/l10n';
import { LineCounter } from 'yaml';
import { parseYamlDocument } from '../note/yamlDocument';
import type { Diagnostic, Range } from '../vocabulary/model';
import type { Framework } from './types';
import { validateFramework } from './validateFramework';

/** A thesis is a page of rules; anything far larger is not a framework and would stall the host. */
export const MAX_FRAMEWORK_BYTES = 1_000_000;

export interface FrameworkParseResult {
  /** Present only when the file has no errors: half a thesis would flag protocols wrongly. */
  framework?: Framework;
  diagnostics: Diagnostic[];
}

export function parseFramework(text: string, file: string): FrameworkParseResult {
  if (typeof text !== 'string') return fail(file, l10n.t('a framework file must be text'));
  if (text.length > MAX_FRAMEWORK_BYTES) {
    return fail(file, l10n.t('framework file is too large (over {0} characters)', MAX_FRAMEWORK_BYTES.toLocaleString('en')));
  }
  // Editors hide a byte order mark; dropping it keeps our columns equal to the ones they show.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    const lines = new LineCounter();
    const doc = parseYamlDocument(source, { lineCounter: lines });
    if (doc.errors.length > 0) {
      const position = (offset: number) => {
        const { line, col } = lines.linePos(offset);
        return { line: line - 1, character: col - 1 };
      };
      return {
        diagnostics: doc.errors.map((error) => ({
          file,
          range: { start: position(error.pos[0]), end: position(error.pos[1]) },
          severity: 'error',
          code: 'invalid-framework',
          message: l10n.t('not valid YAML or JSON: {0}', firstLine(error.message)),
        })),
      };
    }
    return validateFramework(doc, lines, file);
  } catch (error) {
    // The YAML library is not ours; if some input still makes it throw, say so instead of crashing.
    return fail(file, l10n.t('could not read the framework file: {0}', error instanceof Error ? error.message : String(error)));
  }
}

/** A workspace framework whose id a built-in (or an earlier file) already has: left out, and said so. */
export function frameworkIdTaken(file: string, id: string): Diagnostic {
  return { ...fail(file, l10n.t("another framework already has the id '{0}'; give this one its own id to switch to it", id)).diagnostics[0] };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0].trim();
}

function fail(file: string, message: string): FrameworkParseResult {
  const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { diagnostics: [{ file, range, severity: 'error', code: 'invalid-framework', message }] };
}
