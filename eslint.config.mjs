// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
