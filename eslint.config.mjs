// Lint: typescript-eslint recommended, plus the project rules (no raw electron outside the shell, no lossy ini writer).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'e2e/artifacts/**', '.bench/**', '.tmp/**', 'test/fixtures/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'ini', message: 'npm ini is lossy (drops comments, cuts at #); use src-main/core/awsfiles.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/**', 'src-main/cli/**', 'src-main/ipc/**', 'shared/**', 'src-renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only src-main/electron and src-main/preload may import electron at runtime.', allowTypeImports: true },
            { name: 'ini', message: 'npm ini is lossy (drops comments, cuts at #); use src-main/core/awsfiles.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Playwright code runs callbacks inside the page, and its fixtures take `({}, use)` by design.
    files: ['e2e/**', 'bench/ui/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-empty-pattern': 'off' },
  },
);
