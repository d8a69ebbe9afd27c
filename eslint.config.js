import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_LIBRARIES = [
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
  '@xyflow/*',
  'monaco-editor',
  'monaco-editor/*',
  'monaco-yaml',
  'monaco-yaml/*',
  'zustand',
  'zustand/*',
  'zundo',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-cli',
      'dist-blank',
      'dist-flow',
      'test-results',
      'playwright-report',
      '.scratch',
      'src/core/istio/generated',
      'bin',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // core/ is plain TypeScript: the CLI and tests run it in Node, the app in the browser.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBRARIES, message: 'core/ must not depend on UI libraries.' },
            {
              group: ['**/store/**', '**/ui/**', '**/cli/**', '**/templates/**'],
              message: 'core/ imports only core/.',
            },
            { group: ['node:*'], message: 'core/ must run in the browser too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process'],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBRARIES, message: 'The CLI is headless.' },
            { group: ['**/store/**', '**/ui/**'], message: 'The CLI uses core/ only.' },
          ],
        },
      ],
    },
  },
  // The app's folder rules (STYLE.md §2): React Flow only in ui/canvas, Monaco only in ui/editor,
  // zustand only in store/ (components use its hooks), and store/ knows nothing of the UI.
  ...[
    { files: ['src/ui/**/*.{ts,tsx}'], ignores: ['src/ui/canvas/**', 'src/ui/editor/**'], allow: [] },
    { files: ['src/ui/canvas/**/*.{ts,tsx}'], allow: ['@xyflow/*'] },
    { files: ['src/ui/editor/**/*.{ts,tsx}'], allow: ['monaco-editor', 'monaco-editor/*'] },
  ].map(({ files, ignores, allow }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@xyflow/*',
                'monaco-editor',
                'monaco-editor/*',
                'zustand',
                'zustand/*',
                'zundo',
              ].filter((p) => !allow.includes(p)),
              message: 'React Flow belongs in ui/canvas, Monaco in ui/editor, zustand in store/.',
            },
            { group: ['**/cli/**'], message: 'The app does not use the CLI.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@xyflow/*', 'monaco-editor', 'monaco-editor/*'], message: 'store/ is UI-free.' },
            { group: ['**/ui/**', '**/cli/**'], message: 'store/ imports core/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
