import { ImapFlow } from 'imapflow'
import type { IncomingServer } from '../../shared/mail.js'
import { imapFacts } from './imap-probe.js'
import type { Login } from './login.js'
import { ProbeCancelled, ProbeFailure } from './probe-failure.js'
import { imapFlowOptions, type ConnectionOptions } from './protocol-options.js'

/** What a filter preview needs of a message: its envelope (RFC 3501 ENVELOPE), never its body. */
export interface MessageSummary {
  uid: number
  /** ISO time from the Date header, or null when it has none. */
  date: string | null
  /** The From addresses (usually one), as delivered. */
  from: string[]
  /** The first From's display name ('' when none). */
  fromName: string
  /** The decoded Subject, cut to 300 characters. */
  subject: string
}

export interface RecentMessages {
  /** Messages in INBOX. */
  total: number
  /** The newest `limit` of them, newest first. */
  messages: MessageSummary[]
}

const MAX_SUBJECT = 300

/** A Date header as ISO time; null when absent or unparseable (spam often has a broken one). */
function isoDate(date: Date | string | undefined): string | null {
  if (date === undefined) return null
  const t = new Date(date).getTime()
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}
const MAX_FROM = 10

/**
 * The newest `limit` messages of INBOX (at most 200), envelope only: the mailbox is opened read-only
 * (EXAMINE, RFC 3501 §6.3.2), so nothing is marked read, and each FETCH asks for UID and ENVELOPE
 * alone, so no message body crosses the network. Failures reject with ProbeFailure (imap facts) or
 * ProbeCancelled when `signal` aborts; the connection is closed on every path.
 */
export async function recentMessages(
  server: IncomingServer,
  login: Login,
  opts: { connection: ConnectionOptions; limit: number; signal: AbortSignal },
): Promise<RecentMessages> {
  const limit = Math.max(1, Math.min(200, Math.floor(opts.limit)))
  const client = new ImapFlow(imapFlowOptions(server, login, opts.connection))
  client.on('error', () => undefined)
  const onAbort = (): void => {
    client.close()
  }
  opts.signal.addEventListener('abort', onAbort, { once: true })
  try {
    await client.connect()
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true })
    const total = mailbox.exists
    const messages: MessageSummary[] = []
    if (total > 0) {
      const range = `${Math.max(1, total - limit + 1)}:${total}`
      for await (const msg of client.fetch(range, { uid: true, envelope: true })) {
        const from = (msg.envelope?.from ?? []).slice(0, MAX_FROM)
        messages.push({
          uid: msg.uid,
          date: isoDate(msg.envelope?.date),
          from: from.map((a) => a.address ?? '').filter(Boolean),
          fromName: from[0]?.name ?? '',
          subject: (msg.envelope?.subject ?? '').slice(0, MAX_SUBJECT),
        })
        if (messages.length >= limit) break
      }
    }
    return { total, messages: messages.reverse() }
  } catch (e) {
    if (opts.signal.aborted) throw new ProbeCancelled()
    throw new ProbeFailure(imapFacts(e, undefined))
  } finally {
    opts.signal.removeEventListener('abort', onAbort)
    await client.logout().catch(() => client.close())
  }
}
