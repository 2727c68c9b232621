import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The renderer's rooms are kept apart by eslint.config.js (RENDERER_ROOMS): linted here with the
 * project's own config, as `npm run lint` does, so a pattern that stops matching fails a test.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const RULE = 'no-restricted-imports'
const BY_PATTERN = 'import is restricted from being used by a pattern.'

const SCREEN_WHY = (room: string): string =>
  `${room}/ takes what it shares with the wizard from test-view/, ui/ or lib/; app/ composes it, not the reverse.`
const LAYER_WHY: Record<string, string> = {
  'test-view': 'test-view/ is a lower layer: it imports ui/, lib/ and shared/ only.',
  ui: 'ui/ is a lower layer: it imports lib/ and shared/ only.',
  lib: 'lib/ is the lowest layer: it imports shared/ only.',
}

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

/**
 * One real file of each room: the config's typed rules need a file the TypeScript project knows, and
 * ESLint lints the given text in its place (the file on disk is not changed). The project keeps that
 * text for the rest of the run, so a probe only re-exports what it imports: no rule looks at its type.
 */
const A_FILE: Record<string, string> = {
  accounts: 'accounts/check-words.ts',
  aliases: 'aliases/alias-fix.ts',
  explain: 'explain/explain-state.ts',
  'test-view': 'test-view/announce.ts',
  ui: 'ui/use-escape.ts',
  lib: 'lib/format.ts',
  wizard: 'wizard/save-announcement.ts',
  app: 'app/use-startup.ts',
}

/** The messages ESLint gives `code` as the text of a file in `room`. */
async function lint(room: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}src/renderer/src/${A_FILE[room]}` })
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }))
}

/** A file that imports `name` from `from` and uses it. */
const probe = (from: string, name: string): string => `import { ${name} } from '${from}'\nexport { ${name} }\n`
const fromWizard = probe('../wizard/setup.js', 'isEmail')

describe('renderer rooms (lint)', () => {
  it.each(['accounts', 'aliases', 'explain'])('%s/ may not import from wizard/', async (room) => {
    expect(await lint(room, fromWizard)).toEqual([
      { ruleId: RULE, message: `'../wizard/setup.js' ${BY_PATTERN} ${SCREEN_WHY(room)}` },
    ])
  })

  it.each(['accounts', 'aliases', 'explain'])('%s/ may not import from app/ (which composes it)', async (room) => {
    expect(await lint(room, probe('../app/app-state.js', 'initialAppState'))).toEqual([
      { ruleId: RULE, message: `'../app/app-state.js' ${BY_PATTERN} ${SCREEN_WHY(room)}` },
    ])
  })

  it.each(['test-view', 'ui', 'lib'])('%s/ may not import from wizard/', async (room) => {
    expect(await lint(room, fromWizard)).toEqual([
      { ruleId: RULE, message: `'../wizard/setup.js' ${BY_PATTERN} ${LAYER_WHY[room]}` },
    ])
  })

  it.each([
    ['test-view', '../accounts/check-words.js', 'checkHeading'],
    ['test-view', '../aliases/alias-fix.js', 'forAlias'],
    ['test-view', '../explain/explain-state.js', 'willExplain'],
    ['test-view', '../app/app-state.js', 'appReducer'],
    ['ui', '../test-view/test-run.js', 'bothPassed'],
    ['lib', '../ui/use-escape.js', 'useEscape'],
    ['lib', '../test-view/test-run.js', 'bothPassed'],
  ])('%s/ may not import %s (a lower layer imports no screen and no higher layer)', async (room, from, name) => {
    expect(await lint(room, probe(from, name))).toEqual([
      { ruleId: RULE, message: `'${from}' ${BY_PATTERN} ${LAYER_WHY[room]}` },
    ])
  })

  it.each([
    ['accounts', '../test-view/test-run.js', 'bothPassed'],
    ['aliases', '../ui/PasswordField.js', 'PasswordField'],
    ['explain', '../test-view/DiagnosisCard.js', 'DiagnosisCard'],
    ['test-view', '../lib/format.js', 'formatMs'],
    ['ui', '../lib/server-draft.js', 'parseServer'],
    ['lib', '../../../shared/ports.js', 'standardPort'],
    ['wizard', '../test-view/test-run.js', 'startRun'],
    ['app', '../wizard/wizard-state.js', 'initialWizardState'],
  ])('%s/ may import %s', async (room, from, name) => {
    expect(await lint(room, probe(from, name))).toEqual([])
  })

  // each room's block replaces the renderer-wide setting of the rule, so it must say it all again
  it.each(['accounts', 'aliases', 'explain', 'test-view', 'ui', 'lib'])(
    '%s/ still may not import electron, Node or main',
    async (room) => {
      const code = [
        "import { shell } from 'electron'",
        "import { readFileSync } from 'node:fs'",
        "import { isAllowedExternalUrl } from '../../../main/url-allowlist.js'",
        'export { shell, readFileSync, isAllowedExternalUrl }',
        '',
      ].join('\n')
      expect(await lint(room, code)).toEqual([
        {
          ruleId: RULE,
          message: "'electron' import is restricted from being used. The renderer is sandboxed: use window.mailkey.",
        },
        { ruleId: RULE, message: "'node:fs' import is restricted from being used." },
        { ruleId: RULE, message: `'../../../main/url-allowlist.js' ${BY_PATTERN}` },
      ])
    },
  )
})
