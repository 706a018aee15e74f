// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

// The levels of src/core, lowest first (README, Architecture). A folder may import its own files
// and any level below it, never a level above nor a sibling on its own level: the vocabulary
// knows nothing of notes, the algorithms nothing of the index, the atlas nothing of how it is
// shown or cached, and the editing features sit on top of everything.
const CORE_LEVELS = [
  ['vocabulary'],
  ['note', 'search', 'graph'],
  ['index', 'framework'],
  ['atlas.ts'],
  ['persist', 'present'],
  ['editing'],
];
const core = (part) => `./src/core/${part}`;
const levelZones = CORE_LEVELS.flatMap((level, height) =>
  level.map((part) => ({
    target: core(part),
    from: CORE_LEVELS.slice(height).flat().filter((other) => other !== part).map(core),
    message: `src/core/${part} is on level ${height + 1} of the core: it may use only the levels below it (${CORE_LEVELS.slice(0, height).flat().join(', ') || 'none'}).`,
  })),
).filter((zone) => zone.from.length > 0);
/** What the graph webview may use of the core: the words, the drawing geometry and the presentation. */
const WEBVIEW_MAY_USE = ['vocabulary', 'graph', 'present'];
const adapterZones = [
  { target: './src/core', from: ['./src/extension', './src/cli', './src/node', './src/webviewProtocol.ts', './src/schemaGuard.ts', './webview'], message: 'src/core is the VS Code-free domain: adapters depend on it, never the reverse.' },
  { target: './src/webviewProtocol.ts', from: ['./src/extension', './src/cli', './src/node', './webview', ...CORE_LEVELS.flat().filter((part) => !['vocabulary', 'present'].includes(part)).map(core)], message: 'The webview messages are built on the core\'s presentation (src/core/present) and vocabulary only.' },
  { target: './webview', from: ['./src/extension', './src/cli', './src/node', ...CORE_LEVELS.flat().filter((part) => !WEBVIEW_MAY_USE.includes(part)).map(core)], message: `The webview draws what the extension sends: of the core it uses only ${WEBVIEW_MAY_USE.join(', ')}.` },
  { target: './src/node', from: ['./src/extension', './src/cli', './webview'], message: 'src/node is Node file access for the CLI and the extension.' },
  { target: './src/cli', from: ['./src/extension', './webview'], message: 'The CLI runs without VS Code.' },
  { target: './src/extension', from: ['./src/cli', './webview'], message: 'The extension talks to the webview through src/webviewProtocol.ts only.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/e2e/artifacts/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly', structuredClone: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...levelZones, ...adapterZones] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The domain core also runs in plain Node (CLI, tests, benchmark) and, later, a web build.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'src/core is the VS Code-free domain: it powers the CLI and runs in plain Node. Put VS Code code in src/extension/.' },
          { name: 'valibot', message: 'The message schemas live in src/webviewProtocol.ts, which depends on the core, never the reverse: the core keeps plain interfaces.' },
        ],
        patterns: [{ group: ['**/extension/**', '**/webview/**', '**/webviewProtocol', '**/schemaGuard', '**/cli/**', '**/node/**'], message: 'src/core must not depend on adapters (the extension, the webview and its protocol, the CLI, Node file access).' }],
      }],
    },
  },
  {
    files: ['webview/**/*.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', requestAnimationFrame: 'readonly', HTMLElement: 'readonly', acquireVsCodeApi: 'readonly' } },
  },
);
