// Types for code-server.js, so the TypeScript e2e fixture can use the same helpers.
import type { ChildProcess } from 'child_process';
import type { Browser, LaunchOptions } from 'playwright-core';

export const BASE_SETTINGS: Record<string, unknown>;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];

export function freePort(): Promise<number>;
export function isPortFree(port: number): Promise<boolean>;
export function writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): string;

export interface CodeServer {
  port: number;
  url: string;
  child: ChildProcess;
  /** Kills code-server's whole process group. */
  stop(): Promise<void>;
  exited: Promise<number | string | null>;
  output(): string;
}

export function startCodeServer(options: {
  codeServer?: string;
  workspace?: string;
  userDataDir: string;
  extensionsDir: string;
  port?: number;
  extraArgs?: string[];
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  log?: boolean;
}): Promise<CodeServer>;

export function installExtension(options: { codeServer?: string; userDataDir: string; extensionsDir: string; vsix: string }): void;
export function remoteUri(port: number, fsPath: string): string;
export function workbenchUrl(options: { port: number; folder?: string; extensionDevelopmentPaths?: string[]; extensionTestsPath?: string }): string;
export function launchChromium(options?: LaunchOptions): Promise<Browser>;
export function makeTempDir(prefix: string): { dir: string; cleanup(): void };
