// The frameworks that ship with the extension. They are JSON data, not code, so they read like
// the workspace frameworks researchers write, and every bundler imports them without a loader.
import deepseek2025 from './builtin/deepseek-2025.json';
import type { Framework } from './types';

/** The article the product was built around: BlockBooster, February 2025 (builtin/deepseek-2025.json carries its rules and sections). */
export const DEFAULT_FRAMEWORK_ID = 'deepseek-2025';

// The `$schema` key only helps editors; the unit tests run each file through parseFramework.
const { $schema: _schema, ...deepseek } = deepseek2025;

export const BUILTIN_FRAMEWORKS: Framework[] = [deepseek as Framework];
