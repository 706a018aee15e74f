// Types for project.js, for the TypeScript e2e fixture.
export const ROOT: string;
export const EXAMPLE_WORKSPACE: string;
export function npmRun(script: string, extraArgs?: string[]): void;
export function build(options?: { testHooks?: boolean }): void;
export function isTestBuild(): boolean;
export function copyExampleWorkspace(prefix?: string, source?: string): { dir: string; cleanup(): void };
export function makeTempDir(prefix: string): { dir: string; cleanup(): void };
