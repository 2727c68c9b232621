import type { IncomingServer, Server } from '../../shared/mail.js'
import type { RoundTripReport } from '../../shared/report.js'
import { PROVIDER_PAGES, type ProviderId } from '../../shared/providers.js'
import { diagnoseFailure } from './diagnose-failure.js'
import { findMessage } from './find-message.js'
import { authKind, resolveLogin, type Login, type LoginSource } from './login.js'
import { factsFrom, ProbeCancelled, ProbeFailure } from './probe-failure.js'
import type { ConnectionOptions } from './protocol-options.js'
import { Redactor } from './redact.js'
import { newMessageId } from './send-message.js'
import { sendWithFallback, SendingFailed, type SentThrough } from './send-with-fallback.js'
import { connectionFor, type OfficeOptions } from './server-connection.js'
import { totalBudget } from './timeouts.js'

export type { RoundTripReport } from '../../shared/report.js'

export const ROUND_TRIP_LIMIT_MS = 60_000

export interface RoundTripRequest {
  smtp: Server
  /** An OAuth login fetches its token first (a refused refresh is a send failure, diagnosed). */
  smtpLogin: LoginSource
  imap: IncomingServer
  imapLogin: LoginSource
  from: { name: string; address: string }
  replyTo?: string | null
  /** The account's own address: where the message goes and is looked for. */
  to: string
  providerId: ProviderId | null
  /** The logins came from the keychain (an alias check), so a refusal means a stale saved secret. */
  savedSecret?: boolean
  connection: ConnectionOptions
  /** The account's office options (proxy, TLS minimum, pins, CAs), applied per server. */
  office?: OfficeOptions | undefined
  /** Outgoing servers to fall back to, in order, when `smtp` does not take the message. */
  smtpFallbacks?: readonly Server[]
  limitMs?: number
  signal?: AbortSignal
}

function rewritten(
  req: RoundTripRequest,
  receivedFrom: string,
  originalFrom: string | null,
): Omit<RoundTripReport, 'ms' | 'messageId'> {
  const gmail = req.providerId === 'gmail' || req.providerId === 'google-workspace' || originalFrom !== null
  return {
    outcome: 'rewritten',
    receivedFrom,
    originalFrom,
    cause: 'sender_not_allowed',
    title: gmail
      ? `Gmail replaced ${req.from.address} with your account address: add it under “Send mail as”`
      : `The server replaced ${req.from.address} with ${receivedFrom}`,
    explanation: gmail
      ? `The message arrived from ${receivedFrom}${originalFrom ? ` (Gmail noted the address it replaced, ${originalFrom}, in a hidden header)` : ''}. In Gmail open Settings → Accounts → “Send mail as”, add ${req.from.address}, then open the confirmation message Google sends to that address and click its link (or enter its code). Check again afterwards.`
      : 'The server only sends from addresses it knows for this account. Add the alias in the provider’s settings, then check again.',
    ...(gmail
      ? {
          fix: {
            kind: 'open-url',
            url: PROVIDER_PAGES.gmailSendAs,
            label: 'Open Gmail’s “Send mail as” settings',
          } as const,
        }
      : {}),
  }
}

function serverOf(s: Server): { host: string; port: number; security: Server['security'] } {
  return { host: s.host, port: s.port, security: s.security }
}

function attempt(a: SendingFailed['attempts'][number]): NonNullable<RoundTripReport['failedBefore']>[number] {
  return { ...serverOf(a.server), cause: a.diagnosis.cause, title: a.diagnosis.title }
}

/** A sending or reading failure, diagnosed like any probe's. */
function failed(
  error: unknown,
  protocol: 'smtp' | 'imap',
  req: RoundTripRequest,
  redactor: Redactor,
): Omit<RoundTripReport, 'outcome' | 'ms'> {
  const d = diagnoseFailure(factsFrom(error), {
    protocol,
    server: protocol === 'smtp' ? req.smtp : req.imap,
    providerId: req.providerId,
    savedSecret: req.savedSecret ?? false,
    redactor,
    auth: authKind(protocol === 'smtp' ? req.smtpLogin : req.imapLogin),
  })
  return {
    cause: d.cause,
    title: d.title,
    explanation: d.explanation,
    serverText: d.serverText,
    fix: d.fix,
  }
}

/**
 * Level 2 of an alias check (and the "validate and save" proof): sends one message from `from` to the
 * account's own address with a unique Message-ID, finds it over IMAP within the limit, and compares
 * the From it arrived with. A silent rewrite (Gmail without "Send mail as") is named as such.
 */
export async function roundTrip(req: RoundTripRequest): Promise<RoundTripReport> {
  const limitMs = req.limitMs ?? ROUND_TRIP_LIMIT_MS
  const outer = req.signal ?? new AbortController().signal
  // the whole round trip, however the servers spend it: sending, then up to limitMs of searching
  const deadline = new AbortController()
  const totalMs = limitMs + 2 * totalBudget(req.connection.timeouts)
  const timer = setTimeout(() => deadline.abort(), totalMs)
  try {
    return await roundTripWithin({ ...req, signal: AbortSignal.any([outer, deadline.signal]) }, limitMs, () =>
      outer.aborted ? undefined : totalMs,
    )
  } finally {
    clearTimeout(timer)
  }
}

/** A failure when the round trip's deadline passed (undefined: it did not, so it was a cancel). */
function overDeadline(totalMs: number | undefined): ProbeFailure | undefined {
  if (totalMs === undefined) return undefined
  return new ProbeFailure({
    code: 'ETIMEDOUT',
    message: `The servers kept the round trip going for more than ${+(totalMs / 1000).toFixed(1)} seconds in all, so Mailkey stopped it`,
  })
}

async function roundTripWithin(
  req: RoundTripRequest & { signal: AbortSignal },
  limitMs: number,
  deadlinePassed: () => number | undefined,
): Promise<RoundTripReport> {
  const t0 = Date.now()
  const ms = (): number => Date.now() - t0
  const { signal } = req
  if (req.imap.protocol !== 'imap') {
    return {
      outcome: 'unavailable',
      ms: 0,
      title: 'A round trip needs IMAP',
      explanation: 'Mailkey reads the test message back over IMAP; this account receives with POP3.',
    }
  }
  const messageId = newMessageId(req.from.address)
  // both logins' secrets, and an OAuth token the moment it is fetched: no reply may quote them
  const redactor = new Redactor([req.smtpLogin, req.imapLogin])
  const ready = async (login: LoginSource): Promise<Login> => {
    const resolved = await resolveLogin(login, signal)
    redactor.protect(resolved)
    return resolved
  }
  let sent: SentThrough
  try {
    sent = await sendWithFallback(
      [req.smtp, ...(req.smtpFallbacks ?? [])].map((server) => ({ server, login: req.smtpLogin })),
      {
        from: req.from,
        to: req.to,
        replyTo: req.replyTo,
        subject: `Mailkey check: sending as ${req.from.address}`,
        text: `Mailkey sent this message to check that mail from ${req.from.address} arrives as sent. You can delete it.`,
      },
      {
        base: req.connection,
        office: req.office,
        providerId: req.providerId,
        savedSecret: req.savedSecret ?? false,
        redactor,
      },
      messageId,
      signal,
    )
  } catch (e) {
    if (signal.aborted) {
      const late = overDeadline(deadlinePassed())
      if (!late) throw new ProbeCancelled()
      return { ...failed(late, 'smtp', req, redactor), outcome: 'send-failed', ms: ms(), messageId }
    }
    const tried = e instanceof SendingFailed ? e : undefined
    return {
      ...failed(tried?.primaryError ?? e, 'smtp', req, redactor),
      outcome: 'send-failed',
      ms: ms(),
      messageId,
      ...(tried && tried.attempts.length > 1 ? { failedBefore: tried.attempts.map(attempt) } : {}),
    }
  }
  const via = sent.failedBefore.length > 0 ? { sentVia: serverOf(sent.server), failedBefore: sent.failedBefore } : {}
  let found
  try {
    found = await findMessage(req.imap, await ready(req.imapLogin), messageId, {
      connection: connectionFor(req.connection, req.office, req.imap),
      limitMs,
      signal,
    })
  } catch (e) {
    if (e instanceof ProbeCancelled || signal.aborted) {
      const late = signal.aborted ? overDeadline(deadlinePassed()) : undefined
      if (!late) throw new ProbeCancelled()
      return { ...failed(late, 'imap', req, redactor), outcome: 'read-failed', ms: ms(), messageId, ...via }
    }
    return { ...failed(e, 'imap', req, redactor), outcome: 'read-failed', ms: ms(), messageId, ...via }
  }
  if (!found) {
    return {
      ...via,
      outcome: 'not-arrived',
      ms: ms(),
      messageId,
      title: `The test message did not arrive within ${Math.round(limitMs / 1000)} seconds`,
      explanation:
        'The server accepted it but it has not reached the inbox. It may be delayed or held as spam; look for “Mailkey check” in your mail, or try again later.',
    }
  }
  if (found.from.toLowerCase() !== req.from.address.toLowerCase()) {
    return { ...rewritten(req, found.from, found.originalFrom), ms: ms(), messageId, ...via }
  }
  return {
    ...via,
    outcome: 'arrived',
    ms: ms(),
    messageId,
    receivedFrom: found.from,
    title: `A message from ${req.from.address} arrived as sent`,
    explanation: `It reached ${req.to} in ${Math.round(ms() / 100) / 10} s with its From unchanged.`,
  }
}
