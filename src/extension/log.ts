import * as vscode from 'vscode';

/** The "Protocol Atlas" output channel: where skipped files and other problems are reported. */
export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const log = vscode.window.createOutputChannel('Protocol Atlas', { log: true });
  context.subscriptions.push(log);
  return log;
}
