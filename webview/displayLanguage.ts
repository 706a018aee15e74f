// The page's words in VS Code's display language: the panel embeds the extension's l10n bundle
// as JSON data (graphPanelHtml.ts), read here before any other module of the app asks for a word,
// which is why main.ts imports this module first.
import * as l10n from '@vscode/l10n';

const data = document.getElementById('protocol-atlas-l10n')?.textContent;
if (data) {
  try {
    l10n.config({ contents: JSON.parse(data) as Record<string, string> });
  } catch {
    // A page without a readable bundle speaks English, the language every string is written in.
  }
}
