import { parseArgs } from 'node:util'
import type { Diagnosis } from '../../shared/diagnosis.js'
import type { Protocol } from '../../shared/mail.js'
import { diagnosePasted } from '../mail/diagnose-failure.js'
import { EXIT, UsageError, type CliIo } from './io.js'
import { printable } from './terminal-text.js'

/** The same bounds as the app's "explain this error" box (ExplainErrorInput in shared/ipc/contract.ts). */
const MAX_TEXT = 10_000
const CODE = /^[A-Za-z0-9_.-]{1,40}$/
const PROTOCOLS: readonly Protocol[] = ['smtp', 'imap', 'pop3']

export interface DiagnoseArgs {
  protocol: Protocol
  code?: string
  text: string
  json: boolean
}

function parseDiagnoseArgs(argv: string[]): DiagnoseArgs {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        protocol: { type: 'string' },
        code: { type: 'string' },
        text: { type: 'string' },
        json: { type: 'boolean' },
      },
    }))
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  if (values.protocol === undefined) throw new UsageError('--protocol is required (smtp, imap or pop3)')
  const protocol = PROTOCOLS.find((p) => p === values.protocol)
  if (!protocol) throw new UsageError('--protocol must be smtp, imap or pop3')
  if (values.text === undefined || values.text.trim() === '') throw new UsageError('--text is required')
  if (values.text.length > MAX_TEXT) throw new UsageError(`--text is too long (over ${MAX_TEXT} characters)`)
  const args: DiagnoseArgs = { protocol, text: values.text, json: values.json ?? false }
  if (values.code !== undefined) {
    if (!CODE.test(values.code)) {
      throw new UsageError('--code must be a single word of letters, digits, "_", "." or "-", such as ECONNREFUSED')
    }
    args.code = values.code
  }
  return args
}

/** Pasted text may carry terminal escapes; a report must not replay them into the user's terminal. */
function report(d: Diagnosis): string {
  const lines = [`${d.title} [${d.cause}]`, d.explanation]
  if (d.serverText) lines.push(`Server said: ${printable(d.serverText).replace(/\n/g, '\n             ')}`)
  lines.push(`Fix: ${d.fix.label}${d.fix.kind === 'open-url' ? ` (${d.fix.url})` : ''}`)
  return `${lines.join('\n')}\n`
}

/** `mailkey diagnose`: one pasted failure in, one diagnosis out. Offline and deterministic. */
export function runDiagnoseCommand(argv: string[], io: CliIo): number {
  const args = parseDiagnoseArgs(argv)
  // the words as they were given, with any echoed credential replaced
  const d = diagnosePasted({
    text: args.text,
    protocol: args.protocol,
    ...(args.code ? { code: args.code } : {}),
  })
  if (args.json) {
    const { cause, title, explanation, serverText, fix } = d
    io.stdout.write(`${JSON.stringify({ cause, title, explanation, serverText, fix }, null, 2)}\n`)
  } else {
    io.stdout.write(report(d))
  }
  return EXIT.ok
}
