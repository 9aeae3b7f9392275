// Flat config: typescript-eslint with type information for TypeScript, plain
// rules for the build and bench scripts, and the layer rules that keep the core
// pure and keep stdout free in the server (it is the JSON-RPC channel).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'process', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', '**/out/**', 'media/dist/**', 'test/fixtures/**', 'test/.tmp/**', 'bench/.data/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly', require: 'readonly' },
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeOnly, message: 'server/src/core is pure: pass I/O in through a port.' },
          { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'The core knows nothing of VS Code or LSP.' },
          { group: ['**/node/**', '**/cli/**', '**/lsp/**', '**/protocol/**'], message: 'The core may not import its adapters.' },
        ],
      }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
