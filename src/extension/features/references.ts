// Find References on a protocol's name (or on a `depends_on` entry or a body link naming it)
// lists where other notes name it: first the `depends_on` entries (by name, alias or wikilink),
// then the body links. The references view has no headings of its own, so the order tells.
import * as vscode from 'vscode';
import { bodyLinkAt, mentionReferences } from '../../core/editing/bodyLinks';
import { targetAt } from '../../core/editing/noteTarget';
import { dependencyReferences } from '../../core/editing/rename';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, documentNote, fromPosition, noteTexts, toRange } from './noteDocuments';

export function registerReferences(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.ReferenceProvider = {
    async provideReferences(document, position, referenceContext) {
      const current = documentNote(service, document);
      const index = service.atlas.index;
      const at = fromPosition(position);
      const target = targetAt(current.note, at);
      const link = target ? undefined : bodyLinkAt(current.note, service.parsed(document).lines, at);
      const path =
        target?.kind === 'name'
          ? current.path
          : target?.kind === 'dependency'
            ? index.resolve(target.ref.target)
            : link && index.resolveMention(current.path, link.mention);
      if (path === undefined) return undefined;
      // The index's dependents and mentioners, plus this buffer, whose latest edit may not be indexed yet.
      const others = await noteTexts(service, [...index.dependents(path), ...index.mentioners(path)].filter((each) => each !== current.path));
      const notes = [current, ...others];
      const dependencies = dependencyReferences(path, notes, (name) => index.resolve(name));
      const mentions = mentionReferences(path, notes, (notePath, mention) => index.resolveMention(notePath, mention));
      const locations = [...dependencies, ...mentions].flatMap((reference) => {
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
