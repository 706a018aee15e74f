// A line over the `protocol:` entry that says where the note stands: "12 dependents · exposed via
// Eliza → Akash · positive under deepseek-2025"; a click opens the Connections view.
// `protocolAtlas.codeLens.enabled` turns it off.
import * as vscode from 'vscode';
import { exposureSentence } from '../../core/present/exposureText';
import { verdictWord } from '../../core/vocabulary/labels';
import type { AtlasService } from '../atlasService';
import { withoutIcons } from '../iconText';
import { NOTE_SELECTOR } from './noteDocuments';

const SETTING = 'protocolAtlas.codeLens.enabled';

export function registerCodeLens(context: vscode.ExtensionContext, service: AtlasService): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document) {
      if (!vscode.workspace.getConfiguration(undefined, document.uri).get<boolean>(SETTING, true) || !service.isNote(document.uri)) return [];
      const parsed = service.parsed(document);
      const range = parsed.note.name.source === 'front-matter' ? parsed.note.name.range : undefined;
      const title = range && lensTitle(service, parsed.path);
      if (!range || !title) return [];
      const line = new vscode.Range(range.start.line, 0, range.start.line, 0);
      return [new vscode.CodeLens(line, { title, tooltip: vscode.l10n.t('Show the Connections of this note'), command: 'protocolAtlas.connections.focus' })];
    },
  };
  context.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider(NOTE_SELECTOR, provider),
    service.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTING)) changed.fire();
    }),
  );
}

/** The lens's text for an indexed note; undefined for one the index does not hold (yet). */
function lensTitle(service: AtlasService, path: string): string | undefined {
  const atlas = service.atlas;
  if (!atlas.index.note(path)) return undefined;
  const dependents = atlas.index.dependents(path).length;
  const parts = [dependents === 1 ? vscode.l10n.t('1 dependent') : vscode.l10n.t('{0} dependents', dependents)];
  const { count, nearest } = atlas.exposure(path, 1);
  const nameOf = (each: string): string => atlas.index.note(each)?.name.value ?? each;
  if (count > 0) parts.push(exposureSentence(count, nearest.map((exposure) => exposure.path.map(nameOf))));
  const verdict = atlas.verdictOf(path);
  parts.push(
    verdict.source === 'override'
      ? vscode.l10n.t('{0} (your override)', verdictWord(verdict.value))
      : vscode.l10n.t({ message: '{0} under {1}', args: [verdictWord(verdict.value), atlas.framework.id], comment: ['a verdict word, then the id of the framework that gives it: "positive under deepseek-2025"'] }),
  );
  // Note text reads as typed: a name with `$(…)` must not become an icon.
  return withoutIcons(parts.join(' · '));
}
