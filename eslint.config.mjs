// Lint: typescript-eslint recommended, plus the project rules (the layers' import rules, no lossy ini writer).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const INI = { name: 'ini', message: 'npm ini is lossy (drops comments, cuts at #); use src-main/core/awsfiles.' };
const ELECTRON = { name: 'electron', message: 'Only src-main/electron and src-main/preload may import electron.' };
// Specifiers are matched as written: a relative climb out of core (any depth) into a sibling of it, or a src-main path.
const CORE_OUTWARD = {
  regex: '^(\\.\\./)+(ipc|cli|app|electron|preload|preview)(/|$)|^(\\.\\./)+app-core(\\.js)?$|(^|/)src-main/(ipc|cli|app|app-core|electron|preload|preview)(/|\\.|$)',
  message: 'src-main/core is plain domain logic: it imports neither ipc, cli, the app composition (src-main/app) nor the Electron shell.',
};
const RENDERER_TO_MAIN = {
  regex: '(^|/)src-main(/|$)',
  message: 'The renderer reaches main only through window.hatrack; share types through shared/.',
};

function restrictImports(paths, patterns = []) {
  return ['error', { paths, patterns }];
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'e2e/artifacts/**', '.bench/**', '.tmp/**', 'test/fixtures/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      'no-restricted-imports': restrictImports([INI, ELECTRON]),
    },
  },
  // Layer rules (README "Layout"). A later block replaces the rule's options for its files, so each lists all of its own.
  { files: ['src-main/electron/**', 'src-main/preload/**'], rules: { 'no-restricted-imports': restrictImports([INI]) } },
  { files: ['src-main/core/**'], rules: { 'no-restricted-imports': restrictImports([INI, ELECTRON], [CORE_OUTWARD]) } },
  { files: ['src-renderer/**'], rules: { 'no-restricted-imports': restrictImports([INI, ELECTRON], [RENDERER_TO_MAIN]) } },
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
