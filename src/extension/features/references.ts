// Find References on a protocol's name (or on a `depends_on` entry naming it) lists the
// `depends_on` entries, in every note, that name it: by name, alias or wikilink.
import * as vscode from 'vscode';
import { targetAt } from '../../core/editing/noteTarget';
import { dependencyReferences } from '../../core/editing/rename';
import { parseNote } from '../../core/note/parseNote';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, documentNote, fromPosition, noteTexts, toRange } from './noteDocuments';

export function registerReferences(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.ReferenceProvider = {
    async provideReferences(document, position, referenceContext) {
      const current = documentNote(service, document);
      const target = targetAt(parseNote(current.path, current.text), fromPosition(position));
      const path =
        target?.kind === 'name' ? current.path : target?.kind === 'dependency' ? service.atlas.index.resolve(target.ref.target) : undefined;
      if (path === undefined) return undefined;
      const index = service.atlas.index;
      // The index's dependents, plus this buffer, whose latest edit may not be indexed yet.
      const others = await noteTexts(service, index.dependents(path).filter((each) => each !== current.path));
      const found = dependencyReferences(path, [current, ...others], (name) => index.resolve(name));
      const locations = found.flatMap((reference) => {
        const uri = reference.path === current.path ? document.uri : service.uriOf(reference.path);
        return uri ? [new vscode.Location(uri, toRange(reference.range))] : [];
      });
      const declaration = index.note(path)?.name.range;
      const declarationUri = path === current.path ? document.uri : service.uriOf(path);
      if (referenceContext.includeDeclaration && declaration && declarationUri) {
        locations.unshift(new vscode.Location(declarationUri, toRange(declaration)));
      }
      return locations;
    },
  };
  context.subscriptions.push(vscode.languages.registerReferenceProvider(NOTE_SELECTOR, provider));
}
