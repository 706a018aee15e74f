// The messages between the extension and the graph webview: one definition imported by both
// bundles, so the compiler catches drift. Free of `vscode` and Node imports on purpose.
// Whatever arrives from the other side is still validated: a webview is a separate origin
// that renders untrusted note content, so its messages are input, not commands.

export interface NoteSummary {
  /** Workspace-relative path with forward slashes, as shown to the researcher. */
  path: string;
}

/** Extension → webview. */
export type ExtensionMessage =
  | { type: 'notes'; notes: NoteSummary[]; skipped: number };

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'openNote'; path: string };

const MAX_PATH_LENGTH = 4096;

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return true;
    case 'openNote':
      return typeof message.path === 'string' && message.path.length > 0 && message.path.length <= MAX_PATH_LENGTH;
    default:
      return false;
  }
}

export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'notes':
      return (
        Array.isArray(message.notes) &&
        message.notes.every((note) => typeof note === 'object' && note !== null && typeof (note as NoteSummary).path === 'string') &&
        typeof message.skipped === 'number'
      );
    default:
      return false;
  }
}
