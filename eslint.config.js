import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // shared/ is pure: no Node built-ins, no DOM, no Electron.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'electron', 'fs', 'path', 'react'] }],
    },
  },
  {
    // Services run in plain Node and in tests: never Electron.
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },

  // ---- Boundaries: every "always go through X" rule of the architecture, enforced here. ----
  {
    // The renderer talks to the backend only through the ApiClient: it never imports the
    // Electron shell, the services or Node, and its styles stay with their feature.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // The typescript-eslint form of the rule: it can allow type-only imports (allowTypeImports).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the backend through the ApiClient (renderer/src/api), never Electron.' },
            { name: 'zod', message: 'The page does not validate with zod: the backend checks every input (and zod slows the page\'s start).' },
          ],
          patterns: [
            { group: ['**/electron/**', 'node:*'], message: 'The renderer may import shared/ and its own modules only (renderer → shared).' },
            { group: ['**/features/*/*.css', '../*/*.css'], message: 'A feature keeps its styles to itself: share a component, or put shared styles in ui/.' },
            {
              group: ['**/shared/api/contract', '**/shared/domain/schemas', '**/shared/exchange/*'],
              allowTypeImports: true,
              message: 'The page takes only types from the contract and the schemas: their values build every zod schema at start-up (constants: shared/api/limits).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
          name,
          message: 'Nothing leaves the machine: the renderer talks to its backend through the ApiClient only.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Changes go through the workbench's change(), so the snapshot, history and reader follow them.
          // The channels are the contract's ChangeChannel (boundary-lint.test.ts keeps the two in step).
          selector: "CallExpression[callee.property.name='call'][arguments.0.value=/^(coding|code|coder|memo|attribute|set)\\.|^(history\\.(undo|redo)|document\\.(setAttribute|rename|delete|setDone)|agreement\\.(resolve|startConsensus)|query\\.(save|update|delete))$/]",
          message: 'A change goes through the workbench (useChange().change / undo / redo), never api.call directly.',
        },
      ],
    },
  },
  {
    // The two places that may do what the rules above forbid: the transport, and the change owner.
    files: ['renderer/src/api/client.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['renderer/src/features/workbench/state/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // A link leaves the app only through safeOpenExternal, which checks it first.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/open-external.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='openExternal']", message: 'Open links with safeOpenExternal (electron/main/open-external.ts), which checks them.' },
      ],
    },
  },
  {
    // IPC has one registration loop and one bridge: handlers are never added one by one.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/index.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', message: 'Register channels in electron/main/ipc.ts, from the contract.' },
        { object: 'ipcRenderer', message: 'Only the preload bridge (electron/preload/index.ts) uses ipcRenderer.' },
      ],
    },
  },
  {
    // Project files are written durably (temp file, fsync, rename) through the store's file IO;
    // the staging area and an export's output file are not project files.
    files: ['electron/services/**/*.ts'],
    ignores: ['electron/services/store/durable-file.ts', 'electron/services/store/file-io.ts', 'electron/services/import/staging.ts', 'electron/services/export/output-file.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'electron',
            ...['node:fs', 'node:fs/promises', 'fs', 'fs/promises'].map((name) => ({
              name,
              importNames: ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream'],
              message: 'Write project files with writeFileDurably (store/durable-file.ts) through FileIo.',
            })),
          ],
        },
      ],
    },
  },
);
