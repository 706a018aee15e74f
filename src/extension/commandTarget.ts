// The protocol a command was invoked on, whichever menu invoked it: a Protocols view row, the
// graph's context menu, a path passed by a test or another command, else the note in the editor.
import * as vscode from 'vscode';
import type { AtlasService } from './atlasService';

/**
 * A right-click in the graph: VS Code hands a webview context menu's command the element's
 * `data-vscode-context` (see webview/contextMenu.ts). That is the page's say, so it is checked
 * like any message from it.
 */
function graphContextPath(target: unknown): string | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  const context = target as { webview?: unknown; protocolPath?: unknown };
  if (context.webview !== 'protocolAtlas.graph') return undefined;
  const path = context.protocolPath;
  return typeof path === 'string' && path.length > 0 && path.length <= 4096 ? path : undefined;
}

/** A Protocols view row, a graph context or a plain path; undefined for anything else. */
export function targetPath(target: unknown): string | undefined {
  if (typeof target === 'string') return target.length > 0 && target.length <= 4096 ? target : undefined;
  const fromGraph = graphContextPath(target);
  if (fromGraph) return fromGraph;
  if (typeof target === 'object' && target !== null && (target as { kind?: unknown }).kind === 'protocol') {
    const path = (target as { path?: unknown }).path;
    return typeof path === 'string' ? path : undefined;
  }
  return undefined;
}

/** The note in the active editor, when it is one of the workspace's protocol notes. */
export function activeNotePath(service: AtlasService): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && service.isNote(uri) ? service.pathOf(uri) : undefined;
}
