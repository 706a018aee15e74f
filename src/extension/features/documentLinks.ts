// Body `[[wikilinks]]` as links: Ctrl+click (Cmd+click) opens the note they name, at their
// `#heading` when it has one. Markdown links to notes are already links (the built-in Markdown
// extension's); a wikilink that names no note is no link (its problem says so).
import * as vscode from 'vscode';
import { bodyLinks, headingLine } from '../../core/editing/bodyLinks';
import { splitLines } from '../../core/editing/ranges';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, noteTexts, toRange } from './noteDocuments';

class WikilinkLink extends vscode.DocumentLink {
  constructor(
    range: vscode.Range,
    readonly path: string,
    readonly heading: string | undefined,
  ) {
    super(range);
  }
}

export function registerDocumentLinks(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.DocumentLinkProvider<WikilinkLink> = {
    provideDocumentLinks(document) {
      const parsed = service.parsed(document);
      const links: WikilinkLink[] = [];
      for (const link of bodyLinks(parsed.note, parsed.lines)) {
        if (link.mention.kind !== 'wikilink') continue;
        const path = service.atlas.index.resolveMention(parsed.path, link.mention);
        const uri = path === undefined ? undefined : service.uriOf(path);
        if (path === undefined || !uri) continue;
        const shown = new WikilinkLink(toRange(link.mention.range), path, link.heading);
        shown.tooltip = vscode.l10n.t('Open the note of {0}', service.atlas.index.note(path)?.name.value ?? path);
        // A link to a heading is resolved when followed: only then is the target note read.
        if (!link.heading) shown.target = uri;
        links.push(shown);
      }
      return links;
    },
    async resolveDocumentLink(link) {
      const uri = service.uriOf(link.path);
      if (!uri) return undefined;
      const [note] = link.heading ? await noteTexts(service, [link.path]) : [];
      const line = note && link.heading ? headingLine(splitLines(note.text), link.heading) : undefined;
      // VS Code's opener reads `#L<line>` on a file link as where to put the cursor.
      link.target = line === undefined ? uri : uri.with({ fragment: `L${line + 1}` });
      return link;
    },
  };
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider(NOTE_SELECTOR, provider));
}
