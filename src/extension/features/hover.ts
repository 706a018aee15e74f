// Hovering a `depends_on` entry shows the protocol it names: layer, category, verdict and why.
import * as vscode from 'vscode';
import { dependencyHover, escapeMarkdown, hoverMarkdown } from '../../core/editing/hover';
import { targetAt } from '../../core/editing/noteTarget';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, fromPosition, toRange } from './noteDocuments';

export function registerHover(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.HoverProvider = {
    provideHover(document, position) {
      const note = service.parse(document);
      const target = targetAt(note, fromPosition(position));
      if (target?.kind !== 'dependency') return undefined;
      const path = service.atlas.index.resolve(target.ref.target);
      const protocol = path === undefined ? undefined : service.atlas.index.protocol(path);
      const text =
        protocol && path !== undefined
          ? hoverMarkdown(dependencyHover(protocol, service.atlas.verdictOf(path), service.atlas.framework.title))
          : escapeMarkdown(vscode.l10n.t('No note is named "{0}".', target.ref.target));
      // Note text is escaped in the core; nothing in a hover may run commands or render HTML.
      const markdown = new vscode.MarkdownString(text);
      markdown.isTrusted = false;
      markdown.supportHtml = false;
      return new vscode.Hover(markdown, toRange(target.ref.range));
    },
  };
  context.subscriptions.push(vscode.languages.registerHoverProvider(NOTE_SELECTOR, provider));
}
