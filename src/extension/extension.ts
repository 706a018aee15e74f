// Wiring only: build the shared services, then let each feature register itself.
import type * as vscode from 'vscode';
import { createLog } from './log';
import { useDisplayLanguage } from './displayLanguage';
import { AtlasService } from './atlasService';
import { registerGraphPanel } from './features/graphPanel';
import { WorkspaceFrameworks } from './workspaceFrameworks';
import { registerStatusBar } from './features/statusBar';
import { registerProtocolsTree } from './features/protocolsTree';
import { registerConnectionsView } from './features/connectionsView';
import { registerSearch } from './features/search';
import { registerNewNote } from './features/newNote';
import { registerFrameworkCommands } from './features/frameworkCommands';
import { registerIndexCommands } from './features/indexCommands';
import { registerDiagnostics } from './features/diagnostics';
import { registerQuickFixes } from './features/quickFixes';
import { registerCompletion } from './features/completion';
import { registerHover } from './features/hover';
import { registerDefinition } from './features/definition';
import { registerReferences } from './features/references';
import { registerRename } from './features/rename';
import { registerDocumentLinks } from './features/documentLinks';
import { registerCodeLens } from './features/codeLens';
import { registerBodyLinkDiagnostics } from './features/bodyLinkDiagnostics';
import { registerFirstIndexProgress } from './features/firstIndexProgress';
import { createApi, type ProtocolAtlasApi } from './api';
import { exposeInternals } from './testInternals';

/** The API another extension gets from activate(), described in api.ts. */
export type { AtlasProtocol, AtlasVerdict, ProtocolAtlasApi } from './api';

export function activate(context: vscode.ExtensionContext): ProtocolAtlasApi {
  useDisplayLanguage();
  const log = createLog(context);
  const service = new AtlasService(log, { storageUri: context.storageUri });
  const frameworks = new WorkspaceFrameworks(service, context.workspaceState, log);
  context.subscriptions.push(service, frameworks);
  registerFirstIndexProgress(context, service);
  registerGraphPanel(context, service, log);
  const statusBar = registerStatusBar(context, service);
  const protocolsTree = registerProtocolsTree(context, service);
  const connections = registerConnectionsView(context, service);
  const search = registerSearch(context, service);
  registerNewNote(context, service);
  registerFrameworkCommands(context, service, frameworks);
  registerIndexCommands(context, service, log);
  registerDiagnostics(context, service);
  registerBodyLinkDiagnostics(context, service);
  registerQuickFixes(context, service);
  registerCompletion(context, service);
  registerHover(context, service);
  registerDefinition(context, service);
  registerReferences(context, service);
  registerRename(context, service);
  registerDocumentLinks(context, service);
  registerCodeLens(context, service);
  log.info('Protocol Atlas activated.');
  const api = createApi(service, frameworks);
  if (PROTOCOL_ATLAS_TEST_HOOKS) exposeInternals(api, { service, frameworks, protocolsTree, connections, search, statusBar });
  return Object.freeze(api);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
