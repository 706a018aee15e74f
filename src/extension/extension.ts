// Wiring only: build the shared services, then let each feature register itself.
import type * as vscode from 'vscode';
import { createLog } from './log';
import { AtlasService } from './atlasService';
import { registerGraphPanel } from './features/graphPanel';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog(context);
  const service = new AtlasService(log);
  context.subscriptions.push(service);
  registerGraphPanel(context, service, log);
  log.info('Protocol Atlas activated.');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
