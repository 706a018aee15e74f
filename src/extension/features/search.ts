import * as vscode from 'vscode';
import { withoutIcons } from '../iconText';
import type { SearchMatch } from '../../core/search/protocolSearch';
import type { AtlasService } from '../atlasService';
import { verdictIcon } from '../protocolRow';
import { categoryTitle, describeVerdict, layerWord } from '../../core/vocabulary/labels';

interface ProtocolPickItem extends vscode.QuickPickItem {
  path: string;
}

/** What tests and other extensions can see of the open search: the items it shows, in order. */
export interface ProtocolSearchView {
  current(): readonly ProtocolPickItem[] | undefined;
}

const REVEAL_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('type-hierarchy'), tooltip: vscode.l10n.t('Reveal in Graph') };

/**
 * `Search Protocols…`: a QuickPick whose items come from the core's typo-tolerant search on every
 * keystroke, in its ranking. The QuickPick's own filter must neither hide nor re-sort them: every
 * item is `alwaysShow`, `matchOnDescription`/`matchOnDetail` are off, and `sortByLabel` (proposed
 * API in 1.100, whose setter the extension host already forwards) is off. `matchOnLabel` only
 * reaches extensions in a later VS Code; until then the workbench still draws its own fuzzy
 * highlight on the label (for "btensr": B·t·e·n·s·r in Bittensor). There is no public API to
 * give a QuickPick item the core's highlight ranges (only TreeItemLabel has `highlights`), so the
 * matched field is named in the detail when it is not the name ("matched alias: TAO").
 */
export function registerSearch(context: vscode.ExtensionContext, service: AtlasService): ProtocolSearchView {
  let open: vscode.QuickPick<ProtocolPickItem> | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand('protocolAtlas.search', async (options?: { query?: string }) => {
      open?.dispose();
      const pick = vscode.window.createQuickPick<ProtocolPickItem>();
      open = pick;
      pick.title = vscode.l10n.t('Search Protocols');
      pick.placeholder = vscode.l10n.t('Protocol name, alias, category or layer (typos are fine: "btensr")');
      pick.matchOnDescription = false;
      pick.matchOnDetail = false;
      Object.assign(pick, { matchOnLabel: false, sortByLabel: false });
      const show = () => {
        pick.items = itemsFor(service, pick.value);
      };
      pick.onDidChangeValue(show);
      pick.onDidAccept(async () => {
        const [chosen] = pick.selectedItems;
        if (!chosen) return;
        pick.hide();
        const uri = service.uriOf(chosen.path);
        if (uri) await vscode.window.showTextDocument(uri, { preview: false });
      });
      pick.onDidTriggerItemButton(async ({ item }) => {
        pick.hide();
        await vscode.commands.executeCommand('protocolAtlas.revealInGraph', item.path);
      });
      pick.onDidHide(() => {
        pick.dispose();
        if (open === pick) open = undefined;
      });
      const subscription = service.onDidChange(show);
      pick.onDidHide(() => subscription.dispose());
      if (typeof options?.query === 'string') pick.value = options.query;
      pick.busy = true;
      show();
      pick.show();
      await service.ready;
      pick.busy = false;
      show();
    }),
    { dispose: () => open?.dispose() },
  );
  return { current: () => open?.items };
}

function itemsFor(service: AtlasService, query: string): ProtocolPickItem[] {
  const atlas = service.atlas;
  const results = query.trim() === '' ? atlas.search.search('', Infinity) : atlas.search.search(query);
  return results.flatMap((result): ProtocolPickItem[] => {
    const protocol = atlas.index.protocol(result.id);
    if (!protocol) return [];
    const verdict = atlas.verdictOf(result.id);
    const category = protocol.category && categoryTitle(protocol.category.value);
    return [
      {
        path: result.id,
        label: withoutIcons(protocol.name.value),
        iconPath: verdictIcon(verdict.value),
        description: withoutIcons(
          [layerWord(protocol.layer.value), category, describeVerdict({ value: verdict.value, source: verdict.source })].filter(Boolean).join(' · '),
        ),
        detail: withoutIcons(matchDetail(result.matches, protocol.name.value) ?? '') || undefined,
        alwaysShow: true,
        buttons: [REVEAL_BUTTON],
      },
    ];
  });
}

/** Names what the query matched when it is not the name itself, e.g. "alias: TAO". */
function matchDetail(matches: SearchMatch[], name: string): string | undefined {
  const best = matches[0];
  if (!best || (best.field === 'name' && best.value === name)) return undefined;
  return `matched ${best.field}: ${best.value}`;
}
