// Completion in a note's front matter: protocol names and aliases in `depends_on`, layers after
// `layer:`, categories after `category:`; in the body, names and aliases after `[[`.
import * as vscode from 'vscode';
import { completionCandidates, type CompletionCandidate } from '../../core/editing/completion';
import { bodyCompletionContextAt, completionContextAt } from '../../core/editing/completionContext';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, fromPosition, toRange } from './noteDocuments';

const KIND: Record<CompletionCandidate['kind'], vscode.CompletionItemKind> = {
  protocol: vscode.CompletionItemKind.Reference,
  alias: vscode.CompletionItemKind.Reference,
  layer: vscode.CompletionItemKind.EnumMember,
  category: vscode.CompletionItemKind.EnumMember,
};

export function registerCompletion(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      const lines = frontMatterLinesUpTo(document, position.line);
      const inBodyLink = !lines && document.lineAt(position.line).text.slice(0, position.character).includes('[[');
      const completion = lines
        ? completionContextAt(lines, fromPosition(position))
        : inBodyLink && bodyCompletionContextAt(service.parsed(document).lines, fromPosition(position));
      if (!completion) return undefined;
      const path = service.pathOf(document.uri);
      const layer = completion.field === 'category' ? service.parse(document).layer.value : undefined;
      const candidates = completionCandidates(completion, { protocols: service.atlas.protocols(), path, layer });
      return candidates.map((candidate) => {
        const item = new vscode.CompletionItem(candidate.label, KIND[candidate.kind]);
        item.insertText = candidate.insertText;
        item.range = toRange(completion.range);
        item.detail = candidate.detail;
        item.sortText = candidate.sortText;
        item.filterText = candidate.label;
        return item;
      });
    },
  };
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(NOTE_SELECTOR, provider, '[', ',', ' ', '"', "'"));
}

/** The lines up to the cursor, or undefined as soon as the cursor is clearly outside front matter. */
function frontMatterLinesUpTo(document: vscode.TextDocument, last: number): string[] | undefined {
  if (last === 0 || !/^---\s*$/.test(document.lineAt(0).text)) return undefined;
  const lines: string[] = [];
  for (let line = 0; line <= last; line++) {
    const text = document.lineAt(line).text;
    if (line > 0 && line < last && /^(?:---|\.\.\.)\s*$/.test(text)) return undefined;
    lines.push(text);
  }
  return lines;
}
