// Go to Definition on a `depends_on` entry opens the note of the protocol it names.
import * as vscode from 'vscode';
import { targetAt } from '../../core/editing/noteTarget';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, fromPosition, toRange } from './noteDocuments';

export function registerDefinition(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.DefinitionProvider = {
    provideDefinition(document, position) {
      const note = service.parse(document);
      const target = targetAt(note, fromPosition(position));
      if (target?.kind !== 'dependency') return undefined;
      const path = service.atlas.index.resolve(target.ref.target);
      const uri = path === undefined ? undefined : service.uriOf(path);
      if (path === undefined || !uri) return undefined;
      const dependency = service.atlas.index.note(path);
      const name = dependency?.name.range ? toRange(dependency.name.range) : new vscode.Range(0, 0, 0, 0);
      const link: vscode.LocationLink = {
        originSelectionRange: toRange(target.ref.range),
        targetUri: uri,
        targetRange: dependency?.frontMatterRange ? toRange(dependency.frontMatterRange) : name,
        targetSelectionRange: name,
      };
      return [link];
    },
  };
  context.subscriptions.push(vscode.languages.registerDefinitionProvider(NOTE_SELECTOR, provider));
}
