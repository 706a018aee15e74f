import * as vscode from 'vscode';
import { categoryTitle, layerTitle } from '../../core/vocabulary/labels';
import { LAYERS, type ClassifiedLayer } from '../../core/vocabulary/model';
import { categoriesOf, type Vocabulary } from '../../core/vocabulary/taxonomy';
import { invalidProtocolName, noteFileName, protocolNoteTemplate } from '../../core/note/template';
import type { AtlasService } from '../atlasService';
import { linkStaysInside } from '../safeWorkspaceRead';

/** What a caller (a quick fix, the walkthrough) already knows; the rest is asked. */
interface NewNoteRequest {
  name?: string;
  layer?: string;
  category?: string;
}

/** What each layer holds, beside its id in the layer pick (the id is what the note will say). */
function layerDescription(layer: ClassifiedLayer): string {
  switch (layer) {
    case 'infrastructure':
      return vscode.l10n.t('compute, storage, L1s');
    case 'middleware':
      return vscode.l10n.t('data, agent frameworks, privacy computing');
    case 'model':
      return vscode.l10n.t('open model training networks');
    case 'application':
      return vscode.l10n.t('AI agents, DeFAI, agent swarms');
  }
}

/**
 * `New Protocol Note…`: asks the name, layer and category, writes a note from the template into
 * the layer's folder when the workspace has one, and opens it. It never replaces a file: the
 * WorkspaceEdit creates the file only if none is there, and says so otherwise.
 */
export function registerNewNote(context: vscode.ExtensionContext, service: AtlasService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('protocolAtlas.newNote', (request?: NewNoteRequest) => newNote(service, request ?? {})),
  );
}

/** Resolves to the new note's URI, or undefined when cancelled or refused. */
async function newNote(service: AtlasService, request: NewNoteRequest): Promise<vscode.Uri | undefined> {
  const folder = await pickWorkspaceFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: protocol notes are files in a workspace folder.'));
    return undefined;
  }
  const name =
    typeof request.name === 'string' && !invalidProtocolName(request.name)
      ? request.name.trim()
      : (await vscode.window.showInputBox({
          title: vscode.l10n.t('New Protocol Note (1/3)'),
          prompt: vscode.l10n.t('The protocol’s name, as the note will call it'),
          placeHolder: vscode.l10n.t('e.g. io.net'),
          value: typeof request.name === 'string' ? request.name : '',
          validateInput: (value) => invalidProtocolName(value) ?? (service.atlas.index.resolve(value.trim()) ? vscode.l10n.t('A note already names {0}; it will be a duplicate.', value.trim()) : undefined),
        }))?.trim();
  if (!name) return undefined;

  const requestedLayer = typeof request.layer === 'string' ? service.vocabulary.layer(request.layer) : undefined;
  const layer: ClassifiedLayer | undefined =
    requestedLayer && requestedLayer !== 'unclassified' ? requestedLayer : await pickLayer();
  if (!layer) return undefined;

  const requestedCategory = typeof request.category === 'string' ? service.vocabulary.category(request.category) : undefined;
  const category = requestedCategory?.layer === layer ? requestedCategory.id : await pickCategory(layer);
  if (category === undefined) return undefined;

  const target = await noteLocation(folder, layer, name, service.vocabulary);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, {
    overwrite: false,
    ignoreIfExists: true,
    contents: new TextEncoder().encode(protocolNoteTemplate({ name, layer, category: category || undefined })),
  });
  const exists = await fileExists(target);
  if (exists || !(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists, so no note was written. Open it, or choose another name.', vscode.workspace.asRelativePath(target)),
    );
    return undefined;
  }
  await vscode.window.showTextDocument(target, { preview: false });
  return target;
}

async function pickWorkspaceFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const current = active && vscode.workspace.getWorkspaceFolder(active);
  return current ?? vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which workspace folder gets the note?') });
}

async function pickLayer(): Promise<ClassifiedLayer | undefined> {
  const picked = await vscode.window.showQuickPick(
    LAYERS.map((layer) => ({ label: layer, description: `${layerTitle(layer)} · ${layerDescription(layer)}`, layer })),
    { title: vscode.l10n.t('New Protocol Note (2/3)'), placeHolder: vscode.l10n.t('Which layer does the protocol belong to?') },
  );
  return picked?.layer;
}

/** A category id, '' for none, or undefined when cancelled. */
async function pickCategory(layer: ClassifiedLayer): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      ...categoriesOf(layer).map((category) => ({ label: categoryTitle(category.id), description: category.id, id: category.id })),
      { label: vscode.l10n.t('No category'), description: vscode.l10n.t('decide later'), id: '' },
    ],
    { title: vscode.l10n.t('New Protocol Note (3/3)'), placeHolder: vscode.l10n.t('Which {0} category?', layerTitle(layer)) },
  );
  return picked?.id;
}

/**
 * `<layer folder>/<name>.md` when the workspace has a folder named after the layer in any of its
 * words (`model/`, `模型层/`, the researcher's own synonyms; the id first), else `<name>.md` at the top.
 */
async function noteLocation(folder: vscode.WorkspaceFolder, layer: ClassifiedLayer, name: string, vocabulary: Vocabulary): Promise<vscode.Uri> {
  let entries: Array<[string, vscode.FileType]> = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder.uri);
  } catch {
    // an unreadable folder: the note goes at the top
  }
  const named = entries.filter(([entry, type]) => type & vscode.FileType.Directory && vocabulary.layer(entry) === layer).map(([entry]) => entry);
  for (const entry of [...named.filter((each) => each === layer), ...named.filter((each) => each !== layer).sort()]) {
    const layerFolder = vscode.Uri.joinPath(folder.uri, entry);
    const stat = await vscode.workspace.fs.stat(layerFolder).then(undefined, () => undefined);
    // A cloned repository's `model -> ../elsewhere` must not make us write outside the workspace.
    if (stat && stat.type & vscode.FileType.Directory && (!(stat.type & vscode.FileType.SymbolicLink) || linkStaysInside(layerFolder))) {
      return vscode.Uri.joinPath(layerFolder, noteFileName(name));
    }
  }
  return vscode.Uri.joinPath(folder.uri, noteFileName(name));
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
