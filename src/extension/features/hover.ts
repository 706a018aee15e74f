// Hovering a `depends_on` entry or a body link shows the protocol it names: layer, category,
// verdict and why.
import * as vscode from 'vscode';
import { bodyLinkAt, looksExternal } from '../../core/editing/bodyLinks';
import { dependencyHover, escapeMarkdown, hoverMarkdown } from '../../core/editing/hover';
import { targetAt } from '../../core/editing/noteTarget';
import type { Range } from '../../core/vocabulary/model';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, fromPosition, toRange } from './noteDocuments';

export function registerHover(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.HoverProvider = {
    provideHover(document, position) {
      const named = namedAt(service, document, position);
      if (!named) return undefined;
      const { path, written, range } = named;
      const protocol = path === undefined ? undefined : service.atlas.index.protocol(path);
      const text =
        protocol && path !== undefined
          ? hoverMarkdown(dependencyHover(protocol, service.atlas.verdictOf(path), service.atlas.framework.title))
          : escapeMarkdown(vscode.l10n.t('No note is named "{0}".', written));
      // Note text is escaped in the core; nothing in a hover may run commands or render HTML.
      const markdown = new vscode.MarkdownString(text);
      markdown.isTrusted = false;
      markdown.supportHtml = false;
      return new vscode.Hover(markdown, toRange(range));
    },
  };
  context.subscriptions.push(vscode.languages.registerHoverProvider(NOTE_SELECTOR, provider));
}

/** What a `depends_on` entry or a body link under the cursor names (`path` undefined: no note). */
function namedAt(service: AtlasService, document: vscode.TextDocument, position: vscode.Position): { path: string | undefined; written: string; range: Range } | undefined {
  const parsed = service.parsed(document);
  const at = fromPosition(position);
  const target = targetAt(parsed.note, at);
  if (target?.kind === 'dependency') return { path: service.atlas.index.resolve(target.ref.target), written: target.ref.target, range: target.ref.range };
  const link = bodyLinkAt(parsed.note, parsed.lines, at);
  // A link to a file or an address is the editor's own business, not a protocol's.
  if (!link || looksExternal(link.mention)) return undefined;
  return { path: service.atlas.index.resolveMention(parsed.path, link.mention), written: link.mention.target, range: link.mention.range };
}
