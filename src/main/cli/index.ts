import { AppError } from '../app-error.js'
import { EXIT, UsageError, type CliIo } from './io.js'
import { printableIo } from './terminal-text.js'
import {
  ALIAS_USAGE,
  CHECK_USAGE,
  CREDENTIALS_USAGE,
  DIAGNOSE_USAGE,
  DISCOVER_USAGE,
  EXPORT_USAGE,
  FILTERS_USAGE,
  GROUP_USAGE,
  IMPORT_USAGE,
  OAUTH_USAGE,
  TEST_USAGE,
} from './usage.js'

const USAGE = `Mailkey: get a mail account working, from the command line.

Commands:
  mailkey test ...      test the incoming and outgoing servers (mailkey test --help)
  mailkey discover ...  find the servers for any address (mailkey discover --help)
  mailkey diagnose ...  explain an error pasted from any mail app (mailkey diagnose --help)
  mailkey alias ...     send-as addresses: list, add, remove, check, export (mailkey alias --help)
  mailkey credentials   saved secrets: list, check the keychain, reset a stale password (mailkey credentials --help)
  mailkey check         check all saved accounts at once (mailkey check --help)
  mailkey group ...     groups of accounts: list, create, rename, add a mailbox, remove (mailkey group --help)
  mailkey filters ...   incoming filters: show, set, preview, export, upload (mailkey filters --help)
  mailkey oauth ...     sign in with OAuth 2.0 (Google, Microsoft, your own provider): authorize, revoke
  mailkey export ...    settings for other devices: autoconfig, .mobileconfig, setup sheet, JSON (mailkey export --help)
  mailkey import FILE   import Mailkey's accounts file, all or nothing (mailkey import --help)

The same core as the app; secrets are read from stdin and never printed.`

const SUBCOMMANDS = new Set([
  'test',
  'discover',
  'diagnose',
  'credentials',
  'alias',
  'check',
  'filters',
  'oauth',
  'group',
  'export',
  'import',
])

/**
 * Runs one CLI invocation and returns its exit code (0 ok, 1 a test failed, 2 bad usage). Each command
 * is loaded when it runs, and the mail libraries only when a server is talked to, so `--help` and
 * `diagnose` start about as fast as Node does (`npm run bench` measures it).
 */
export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  // every byte a command prints passes here: server text never reaches the terminal raw
  const io = printableIo(rawIo)
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'test':
        if (rest.includes('--help')) return help(io, TEST_USAGE)
        return await (await import('./test-command.js')).runTestCommand(rest, io)
      case 'discover':
        if (rest.includes('--help')) return help(io, DISCOVER_USAGE)
        return await (await import('./discover-command.js')).runDiscoverCommand(rest, io)
      case 'diagnose':
        if (rest.includes('--help')) return help(io, DIAGNOSE_USAGE)
        return (await import('./diagnose-command.js')).runDiagnoseCommand(rest, io)
      case 'alias':
        if (rest.includes('--help')) return help(io, ALIAS_USAGE)
        return await (await import('./alias-command.js')).runAliasCommand(rest, io)
      case 'credentials':
        if (rest.includes('--help')) return help(io, CREDENTIALS_USAGE)
        return await (await import('./credentials-command.js')).runCredentialsCommand(rest, io)
      case 'check':
        if (rest.includes('--help')) return help(io, CHECK_USAGE)
        return await (await import('./check-command.js')).runCheckCommand(rest, io)
      case 'group':
        if (rest.includes('--help')) return help(io, GROUP_USAGE)
        return await (await import('./group-command.js')).runGroupCommand(rest, io)
      case 'filters':
        if (rest.includes('--help')) return help(io, FILTERS_USAGE)
        return await (await import('./filters-command.js')).runFiltersCommand(rest, io)
      case 'oauth':
        if (rest.includes('--help')) return help(io, OAUTH_USAGE)
        return await (await import('./oauth-command.js')).runOAuthCommand(rest, io)
      case 'export':
        if (rest.includes('--help')) return help(io, EXPORT_USAGE)
        return await (await import('./export-command.js')).runExportCommand(rest, io)
      case 'import':
        if (rest.includes('--help')) return help(io, IMPORT_USAGE)
        return await (await import('./import-command.js')).runImportCommand(rest, io)
      case undefined:
      case '--help':
      case 'help':
        return help(io, USAGE)
      default:
        throw new UsageError(`unknown command "${command.slice(0, 40)}"`)
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(
        `mailkey: ${e.message}\n(see mailkey ${command && SUBCOMMANDS.has(command) ? `${command} ` : ''}--help)\n`,
      )
      return EXIT.usage
    }
    // an expected failure (keychain locked, account gone...) has a message written for people
    if (e instanceof AppError) {
      io.stderr.write(`mailkey: ${e.message}\n`)
      return EXIT.failed
    }
    io.stderr.write(`mailkey: unexpected error: ${e instanceof Error ? e.name : typeof e}\n`)
    return EXIT.failed
  }
}

function help(io: CliIo, text: string): number {
  io.stdout.write(`${text}\n`)
  return EXIT.ok
}
