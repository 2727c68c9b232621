import type { z } from 'zod'
import type { Method } from '../../shared/ipc/channels.js'
import { INPUTS, type Outputs } from '../../shared/ipc/contract.js'
import { fail, ok, type Result } from '../../shared/result.js'
import { AppError } from '../app-error.js'
import { withAsciiHosts } from '../host-names.js'
import type { CallContext, Handlers } from './handlers.js'

const MAX_MESSAGE = 500

/** Zod's issues as one readable sentence list; zod's messages name fields, never echo values. */
function describeIssues(error: z.ZodError): string {
  const text = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join(' ')
  return text.slice(0, MAX_MESSAGE)
}

/**
 * The one way into a handler: parse the raw input with the method's schema, run the handler, and
 * turn every outcome into a Result. Nothing throws past this point.
 */
export async function dispatch<M extends Method>(
  handlers: Handlers,
  method: M,
  raw: unknown,
  ctx: CallContext,
  log: (message: string) => void = () => undefined,
): Promise<Result<Outputs[M]>> {
  const parsed = INPUTS[method].safeParse(raw)
  if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error))
  let input: unknown
  try {
    // internationalised server names go on in punycode, as DNS and TLS need them
    input = withAsciiHosts(parsed.data)
  } catch (e) {
    return fail('INVALID_INPUT', (e as Error).message.slice(0, MAX_MESSAGE))
  }
  try {
    const handler = handlers[method] as (input: unknown, ctx: CallContext) => Promise<Outputs[M]>
    return ok(await handler(input, ctx))
  } catch (e) {
    if (e instanceof AppError) return fail(e.code, e.message)
    // unexpected: log the kind only; library errors can quote what they were given
    log(`${method} failed: ${e instanceof Error ? e.name : typeof e}`)
    return fail('INTERNAL', 'Something went wrong inside Mailkey. Please try again.')
  }
}
