import type { IncomingServer } from '../../shared/mail.js'
import { loadImapflow } from './libraries.js'
import type { Login } from './login.js'
import { ProbeCancelled } from './probe-failure.js'
import { imapFlowOptions, type ConnectionOptions } from './protocol-options.js'
import { imapTunnel } from './proxy/imap-proxy.js'

export interface FoundMessage {
  mailbox: string
  /** The From address as delivered. */
  from: string
  /** Gmail's record of a From it replaced, when present. */
  originalFrom: string | null
}

/** Waits between searches: quick at first (local delivery is fast), then every 5 s (polite). */
const POLL_STEPS_MS = [300, 700, 1000, 2000, 3000, 5000]

function headerValue(raw: Buffer | undefined, name: string): string | null {
  if (!raw) return null
  const unfolded = raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' ')
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)
  return m?.[1]?.trim() || null
}

/**
 * Looks for the message with `messageId` over IMAP until it arrives or `limitMs` passes: in INBOX and,
 * where the server has one, the "All Mail" folder (Gmail files a message sent to oneself there).
 * Resolves null when it did not arrive in time. The connection is closed on every path.
 */
export async function findMessage(
  server: IncomingServer,
  login: Login,
  messageId: string,
  opts: { connection: ConnectionOptions; limitMs: number; signal: AbortSignal },
): Promise<FoundMessage | null> {
  const library = loadImapflow()
  const tunnel = await imapTunnel(server, opts.connection, opts.signal)
  const { ImapFlow } = await library
  const client = new ImapFlow(imapFlowOptions(server, login, opts.connection, tunnel ? { tunnel } : {}))
  client.on('error', () => undefined)
  const onAbort = (): void => {
    client.close()
  }
  opts.signal.addEventListener('abort', onAbort, { once: true })
  const deadline = Date.now() + opts.limitMs
  try {
    await client.connect()
    const all = (await client.list()).find((m) => m.specialUse === '\\All')?.path
    const mailboxes = ['INBOX', ...(all ? [all] : [])]
    for (let attempt = 0; ; attempt++) {
      for (const mailbox of mailboxes) {
        const lock = await client.getMailboxLock(mailbox)
        try {
          const uids = (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || []
          const uid = uids[0]
          if (uid !== undefined) {
            const msg = await client.fetchOne(
              String(uid),
              { envelope: true, headers: ['x-google-original-from'] },
              { uid: true },
            )
            if (msg) {
              return {
                mailbox,
                from: msg.envelope?.from?.[0]?.address ?? '',
                originalFrom: headerValue(msg.headers, 'x-google-original-from'),
              }
            }
          }
        } finally {
          lock.release()
        }
      }
      const remaining = deadline - Date.now()
      if (remaining <= 0) return null
      const wait = POLL_STEPS_MS[Math.min(attempt, POLL_STEPS_MS.length - 1)] ?? 5000
      await new Promise((r) => setTimeout(r, Math.min(wait, remaining)))
      if (opts.signal.aborted) throw new ProbeCancelled()
    }
  } catch (e) {
    if (opts.signal.aborted) throw new ProbeCancelled()
    throw e
  } finally {
    // still under the signal: a server that trickles its LOGOUT answer is cut off like any other step
    await client.logout().catch(() => client.close())
    opts.signal.removeEventListener('abort', onAbort)
    tunnel?.destroy()
  }
}
