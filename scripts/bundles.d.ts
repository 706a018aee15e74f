// Types for bundles.js, for the TypeScript tests and benchmarks.
import type { BuildOptions, Plugin } from 'esbuild';

export function testHooksDefine(testHooks: boolean): Record<string, string>;
export function bundles(options?: { production?: boolean; testHooks?: boolean; plugins?: Plugin[] }): Array<BuildOptions & { entryPoints: string[]; outfile: string }>;
