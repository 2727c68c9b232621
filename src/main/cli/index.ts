import { EXIT, UsageError, type CliIo } from './io.js'
import { TEST_USAGE } from './test-args.js'
import { runTestCommand } from './test-command.js'

const USAGE = `Mailkey: get a mail account working, from the command line.

Commands:
  mailkey test ...      test the incoming and outgoing servers (mailkey test --help)

The same core as the app; secrets are read from stdin and never printed.`

/** Runs one CLI invocation and returns its exit code (0 ok, 1 a test failed, 2 bad usage). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'test':
        if (rest.includes('--help')) return help(io, TEST_USAGE)
        return await runTestCommand(rest, io)
      case undefined:
      case '--help':
      case 'help':
        return help(io, USAGE)
      default:
        throw new UsageError(`unknown command "${command.slice(0, 40)}"`)
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`mailkey: ${e.message}\n(see mailkey ${command === 'test' ? 'test ' : ''}--help)\n`)
      return EXIT.usage
    }
    io.stderr.write(`mailkey: unexpected error: ${e instanceof Error ? e.name : typeof e}\n`)
    return EXIT.failed
  }
}

function help(io: CliIo, text: string): number {
  io.stdout.write(`${text}\n`)
  return EXIT.ok
}
