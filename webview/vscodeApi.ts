import type { WebviewMessage } from '../src/webviewProtocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** acquireVsCodeApi may be called once per page: everything goes through this one handle. */
export const vscode: VsCodeApi = acquireVsCodeApi();
