import { AppError } from '../app-error.js'
import { ALIAS_USAGE, runAliasCommand } from './alias-command.js'
import { CREDENTIALS_USAGE, runCredentialsCommand } from './credentials-command.js'
import { DIAGNOSE_USAGE, runDiagnoseCommand } from './diagnose-command.js'
import { EXIT, UsageError, type CliIo } from './io.js'
import { OAUTH_USAGE, runOAuthCommand } from './oauth-command.js'
import { TEST_USAGE } from './test-args.js'
import { runTestCommand } from './test-command.js'

const USAGE = `Mailkey: get a mail account working, from the command line.

Commands:
  mailkey test ...      test the incoming and outgoing servers (mailkey test --help)
  mailkey diagnose ...  explain an error pasted from any mail app (mailkey diagnose --help)
  mailkey alias ...     send-as addresses: list, add, remove, check, export (mailkey alias --help)
  mailkey credentials   saved secrets: list, check the keychain, reset a stale password (mailkey credentials --help)
  mailkey oauth ...     sign in with OAuth 2.0 (Google, Microsoft, your own provider): authorize, revoke

The same core as the app; secrets are read from stdin and never printed.`

const SUBCOMMANDS = new Set(['test', 'diagnose', 'credentials', 'alias', 'oauth'])

/** Runs one CLI invocation and returns its exit code (0 ok, 1 a test failed, 2 bad usage). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'test':
        if (rest.includes('--help')) return help(io, TEST_USAGE)
        return await runTestCommand(rest, io)
      case 'diagnose':
        if (rest.includes('--help')) return help(io, DIAGNOSE_USAGE)
        return runDiagnoseCommand(rest, io)
      case 'alias':
        if (rest.includes('--help')) return help(io, ALIAS_USAGE)
        return await runAliasCommand(rest, io)
      case 'credentials':
        if (rest.includes('--help')) return help(io, CREDENTIALS_USAGE)
        return await runCredentialsCommand(rest, io)
      case 'oauth':
        if (rest.includes('--help')) return help(io, OAUTH_USAGE)
        return await runOAuthCommand(rest, io)
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
