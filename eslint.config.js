// ESLint flat config. Besides the usual checks it enforces Mailkey's process boundaries (DESIGN.md):
// the renderer never imports electron or Node; main's services never import electron; ipcMain,
// ipcRenderer, shell.openExternal and `new BrowserWindow` each live in one file. Inside the renderer it
// keeps the rooms apart (RENDERER_ROOMS).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { builtinModules } from 'node:module'

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/** The few main-process files that must talk to Electron. */
const ELECTRON_FILES = [
  'src/main/index.ts',
  'src/main/window.ts',
  'src/main/hardening.ts',
  'src/main/app-protocol.ts',
  'src/main/open-external.ts',
  'src/main/ipc/register.ts',
  'src/main/save-file.ts',
]

/** Electron APIs that are each confined to one file. */
const ONE_FILE_APIS = [
  { name: 'ipcMain', file: 'src/main/ipc/register.ts' },
  { name: 'shell', file: 'src/main/open-external.ts' },
  { name: 'ipcRenderer', file: 'src/preload/index.ts' },
]

/**
 * One no-restricted-imports setting (a later flat-config block replaces, not merges, a rule). A group
 * is a pattern, or `{ group, message }` to say why.
 */
function restrict(paths, groups) {
  return ['error', { paths, patterns: groups.map((group) => (typeof group === 'string' ? { group: [group] } : group)) }]
}

/** What no renderer file imports (a room's block repeats it: it replaces the renderer-wide one). */
const RENDERER_PATHS = [
  { name: 'electron', message: 'The renderer is sandboxed: use window.mailkey.' },
  ...NODE_BUILTINS,
]
const RENDERER_GROUPS = ['**/main/**', '**/preload/**']

const SCREENS = ['wizard', 'accounts', 'aliases', 'explain', 'app']
const SHARED_ROOMS = 'test-view/, ui/ or lib/'

/**
 * The renderer's rooms (src/renderer/src/<room>/), the rooms each must not import, and why. Screens
 * share what shows a test (test-view/), form parts (ui/) and pure logic (lib/), never the wizard's
 * files; those three are lower layers, in that order. app/ composes the screens and may import any room.
 */
const RENDERER_ROOMS = {
  accounts: {
    not: ['wizard', 'app'],
    why: `accounts/ takes what it shares with the wizard from ${SHARED_ROOMS}; app/ composes it, not the reverse.`,
  },
  aliases: {
    not: ['wizard', 'app'],
    why: `aliases/ takes what it shares with the wizard from ${SHARED_ROOMS}; app/ composes it, not the reverse.`,
  },
  explain: {
    not: ['wizard', 'app'],
    why: `explain/ takes what it shares with the wizard from ${SHARED_ROOMS}; app/ composes it, not the reverse.`,
  },
  'test-view': { not: SCREENS, why: 'test-view/ is a lower layer: it imports ui/, lib/ and shared/ only.' },
  ui: { not: [...SCREENS, 'test-view'], why: 'ui/ is a lower layer: it imports lib/ and shared/ only.' },
  lib: { not: [...SCREENS, 'test-view', 'ui'], why: 'lib/ is the lowest layer: it imports shared/ only.' },
}

const noDangerousHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Server text is shown as text only: no dangerouslySetInnerHTML.',
}
const noNewWindow = {
  selector: "NewExpression[callee.name='BrowserWindow']",
  message: 'Create windows only through the factory in src/main/window.ts.',
}

// security checklist H2: certificates are always verified; a trusted certificate is pinned, never waved through
const noCertificateChecksOff = {
  selector:
    "Property[key.name='rejectUnauthorized'][value.value=false], Literal[value='NODE_TLS_REJECT_UNAUTHORIZED'], Identifier[name='NODE_TLS_REJECT_UNAUTHORIZED']",
  message: 'Never switch certificate verification off; tests trust the fixture CA (`ca`), users pin a fingerprint.',
}

/**
 * Layers inside src/main (a separate rule from no-restricted-imports, so these blocks do not replace the
 * process-boundary ones above): the keychain behind one door, the mail libraries behind mail/, and
 * mail/ and diagnosis/ below the use cases that call them. Each file falls in exactly one layer.
 */
const MAIL_LIBRARIES = ['imapflow', 'nodemailer']
const KEYCHAIN_DOOR = {
  group: ['**/credentials/secret-store*', '**/credentials/keytar-store*'],
  message: 'Secrets go through the one door, credentials/credentials.ts (Credentials); only the wiring builds it.',
}
const WIRING_FILES = ['src/main/services.ts', 'src/main/index.ts', 'src/main/cli/cli-services.ts']
function layer(files, ignores, paths, patterns = [], mailAllowed = false) {
  return {
    files,
    ignores,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: paths.map((name) =>
            typeof name === 'string' ? { name, message: `${name} is used only in its own layer.` } : name,
          ),
          patterns: mailAllowed ? patterns : [...patterns, MAIL_DEEP],
        },
      ],
    },
  }
}
const KEYTAR = { name: 'keytar', message: 'Only credentials/keytar-store.ts talks to keytar.' }
const MAIL_MESSAGE = 'Mail clients are built in src/main/mail/ (protocol-options.ts builds their options).'
const MAIL_ONLY = MAIL_LIBRARIES.map((name) => ({ name, message: MAIL_MESSAGE }))
/** Deep imports (`nodemailer/lib/smtp-connection`) are patterns: `paths` match exact names only. */
const MAIL_DEEP = { group: ['nodemailer/*', 'imapflow/*'], message: MAIL_MESSAGE }
const MAIN_LAYERS = [
  layer(['src/main/credentials/**/*.ts'], ['src/main/credentials/keytar-store.ts'], [KEYTAR, ...MAIL_ONLY]),
  layer(['src/main/credentials/keytar-store.ts'], [], MAIL_ONLY),
  layer(
    ['src/main/mail/**/*.ts'],
    [],
    [KEYTAR],
    [
      {
        group: ['**/accounts/**', '**/credentials/**', '**/ipc/**', '**/cli/**', '**/services.js'],
        message: 'mail/ is below the use cases: it is handed servers and logins, it never fetches them.',
      },
    ],
    true,
  ),
  layer(
    ['src/main/diagnosis/**/*.ts'],
    [],
    [KEYTAR, ...MAIL_ONLY],
    [
      {
        group: ['**/mail/**', '**/accounts/**', '**/credentials/**', '**/ipc/**', '**/cli/**'],
        message: 'diagnosis/ is pure: facts in, a cause and a fix out.',
      },
    ],
  ),
  layer(WIRING_FILES, [], [KEYTAR, ...MAIL_ONLY]),
  layer(
    ['src/main/**/*.ts'],
    ['src/main/credentials/**', 'src/main/mail/**', 'src/main/diagnosis/**', ...WIRING_FILES],
    [KEYTAR, ...MAIL_ONLY],
    [KEYCHAIN_DOOR],
  ),
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'reports/**', 'test-results/**', 'scratch/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noDangerousHtml, noNewWindow, noCertificateChecksOff],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(RENDERER_PATHS, RENDERER_GROUPS),
    },
  },
  ...Object.entries(RENDERER_ROOMS).map(([room, { not, why }]) => ({
    files: [`src/renderer/src/${room}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': restrict(RENDERER_PATHS, [
        ...RENDERER_GROUPS,
        ...not.map((other) => ({ group: [`**/${other}/**`], message: why })),
      ]),
    },
  })),
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', ...NODE_BUILTINS],
        ['**/main/**', '**/renderer/**', '**/preload/**'],
      ),
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ELECTRON_FILES,
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            name: 'electron',
            message: 'Services run in plain Node (CLI, tests): only ELECTRON_FILES may import electron.',
          },
        ],
        ['**/renderer/**', '**/preload/**'],
      ),
    },
  },
  ...ELECTRON_FILES.map((file) => ({
    files: [file],
    rules: {
      'no-restricted-imports': restrict(
        ONE_FILE_APIS.filter((api) => api.file !== file).map((api) => ({
          name: 'electron',
          importNames: [api.name],
          message: `${api.name} is used in ${api.file} only.`,
        })),
        ['**/renderer/**', '**/preload/**'],
      ),
    },
  })),
  {
    files: ['src/main/window.ts'],
    rules: { 'no-restricted-syntax': ['error', noDangerousHtml, noCertificateChecksOff] },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(NODE_BUILTINS, ['**/main/**', '**/renderer/**']) },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [{ name: 'electron', message: 'Tests never import electron (it would download a binary); use the services.' }],
        [],
      ),
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // asymmetric matchers (expect.any, expect.stringContaining) are typed any
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  ...MAIN_LAYERS,
  prettier,
)
