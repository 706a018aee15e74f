// Go to Definition on a `depends_on` entry or a body link opens the note of the protocol it
// names (at the link's `#heading`, when the note has it).
import * as vscode from 'vscode';
import { bodyLinkAt, headingLine } from '../../core/editing/bodyLinks';
import { splitLines } from '../../core/editing/ranges';
import { targetAt } from '../../core/editing/noteTarget';
import type { Range } from '../../core/vocabulary/model';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, fromPosition, noteTexts, toRange } from './noteDocuments';

export function registerDefinition(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.DefinitionProvider = {
    async provideDefinition(document, position) {
      const link = linkAt(service, document, position);
      if (!link) return undefined;
      const uri = service.uriOf(link.path);
      if (!uri) return undefined;
      const target = service.atlas.index.note(link.path);
      let name = target?.name.range ? toRange(target.name.range) : new vscode.Range(0, 0, 0, 0);
      let whole = target?.frontMatterRange ? toRange(target.frontMatterRange) : name;
      if (link.heading) {
        const [note] = await noteTexts(service, [link.path]);
        const line = note && headingLine(splitLines(note.text), link.heading);
        if (line !== undefined) name = whole = new vscode.Range(line, 0, line, 0);
      }
      const location: vscode.LocationLink = { originSelectionRange: toRange(link.origin), targetUri: uri, targetRange: whole, targetSelectionRange: name };
      return [location];
    },
  };
  context.subscriptions.push(vscode.languages.registerDefinitionProvider(NOTE_SELECTOR, provider));
}

/** The note a `depends_on` entry or a body link at `position` names, and where that link is. */
function linkAt(service: AtlasService, document: vscode.TextDocument, position: vscode.Position): { path: string; origin: Range; heading?: string } | undefined {
  const parsed = service.parsed(document);
  const at = fromPosition(position);
  const index = service.atlas.index;
  const target = targetAt(parsed.note, at);
  if (target?.kind === 'dependency') {
    const path = index.resolve(target.ref.target);
    return path === undefined ? undefined : { path, origin: target.ref.range };
  }
  const link = bodyLinkAt(parsed.note, parsed.lines, at);
  const path = link && index.resolveMention(parsed.path, link.mention);
  return link && path !== undefined ? { path, origin: link.mention.range, ...(link.heading && { heading: link.heading }) } : undefined;
}
