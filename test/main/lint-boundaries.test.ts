import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The layers inside src/main are enforced by lint (eslint.config.js, MAIN_LAYERS); these cases prove
 * the rule fires where it must and stays quiet where an import is allowed. Files are linted as text
 * under a virtual path, without type information (the layer rule needs none).
 */
let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
  })
})

async function layerMessages(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x\n`, { filePath: file })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message)
}

describe('main-process layers', () => {
  it.each([
    [
      'src/main/accounts/new-use-case.ts',
      "import x from 'keytar'",
      'Only credentials/keytar-store.ts talks to keytar.',
    ],
    ['src/main/credentials/credentials-extra.ts', "import x from 'keytar'", 'Only credentials/keytar-store.ts'],
    ['src/main/accounts/new-use-case.ts', "import { ImapFlow as x } from 'imapflow'", 'Mail clients are built in'],
    ['src/main/ipc/handlers-extra.ts', "import x from 'nodemailer'", 'Mail clients are built in'],
    ['src/main/cli/new-command.ts', "import x from 'nodemailer/lib/smtp-connection'", 'Mail clients are built in'],
    [
      'src/main/accounts/new-use-case.ts',
      "import { createKeytarStore as x } from '../credentials/keytar-store.js'",
      'the one door, credentials/credentials.ts',
    ],
    ['src/main/ipc/handlers-extra.ts', "import { secretKey as x } from '../credentials/secret-store.js'", 'one door'],
    ['src/main/mail/new-probe.ts', "import { AccountsService as x } from '../accounts/accounts-service.js'", 'below'],
    ['src/main/mail/new-probe.ts', "import { Credentials as x } from '../credentials/credentials.js'", 'below'],
    ['src/main/diagnosis/new-rule.ts', "import { factsFrom as x } from '../mail/probe-failure.js'", 'is pure'],
  ])('%s: %s is refused', async (file, source, message) => {
    const messages = await layerMessages(file, source)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(message)
  })

  it.each([
    ['src/main/credentials/keytar-store-2.ts', "import { secretKey as x } from './secret-store.js'"],
    ['src/main/mail/new-probe.ts', "import { ImapFlow as x } from 'imapflow'"],
    ['src/main/mail/new-probe.ts', "import x from 'nodemailer/lib/smtp-connection'"],
    ['src/main/accounts/new-use-case.ts', "import { Credentials as x } from '../credentials/credentials.js'"],
    ['src/main/services.ts', "import { createKeytarStore as x } from './credentials/keytar-store.js'"],
    ['src/main/cli/cli-services.ts', "import { createKeytarStore as x } from '../credentials/keytar-store.js'"],
    ['src/main/accounts/new-use-case.ts', "import { testServers as x } from '../mail/test-servers.js'"],
  ])('%s: %s is allowed', async (file, source) => {
    expect(await layerMessages(file, source)).toEqual([])
  })

  it('keytar itself is imported by keytar-store.ts only', async () => {
    expect(await layerMessages('src/main/credentials/keytar-store.ts', "import x from 'keytar'")).toEqual([])
  })
})
