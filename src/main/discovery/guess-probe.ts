import type { Socket } from 'node:net'
import type { TlsMode } from '../../shared/ports.js'
import { LineReader } from '../mail/line-reader.js'
import { upgradeTls } from '../mail/open-socket.js'
import { factsFrom, ProbeCancelled } from '../mail/probe-failure.js'
import { LookupError } from './lookup-error.js'
import type { DiscoveryNet } from './types.js'

/** A host, port and mode to try for one protocol. */
export interface GuessTarget {
  protocol: 'imap' | 'smtp'
  host: string
  port: number
  security: TlsMode
}

/** Each step of a probe (connect, TLS, each reply) gets this long. */
export const PROBE_STEP_MS = 4000
/** Replies longer than this many lines are not a mail server's. */
const MAX_REPLY_LINES = 64

type Session = { socket: Socket; reader: LineReader }

function fail(target: GuessTarget, what: string): LookupError {
  return new LookupError('failed', `${target.host}:${target.port}: ${what}`)
}

async function line(s: Session, target: GuessTarget, signal: AbortSignal): Promise<string> {
  try {
    return await s.reader.read(PROBE_STEP_MS, signal, () => ({
      code: 'ETIMEDOUT',
      message: 'no answer',
    }))
  } catch (e) {
    if (e instanceof ProbeCancelled) throw new LookupError('timeout', `${target.host}:${target.port}: stopped`)
    const facts = factsFrom(e)
    throw new LookupError(
      facts.code === 'ETIMEDOUT' ? 'timeout' : 'failed',
      `${target.host}:${target.port}: ${facts.message}`,
    )
  }
}

/** An SMTP reply (RFC 5321 §4.2: `250-` continues, `250 ` ends): its code and lines. */
async function smtpReply(
  s: Session,
  target: GuessTarget,
  signal: AbortSignal,
): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = []
  for (let i = 0; i < MAX_REPLY_LINES; i++) {
    const l = await line(s, target, signal)
    lines.push(l)
    if (!/^\d{3}-/.test(l)) return { code: Number(l.slice(0, 3)), lines }
  }
  throw fail(target, 'an endless reply')
}

/** Lines up to the tagged reply (RFC 9051 §2.2.2); the tagged line last. */
async function imapReply(s: Session, target: GuessTarget, tag: string, signal: AbortSignal): Promise<string[]> {
  const lines: string[] = []
  for (let i = 0; i < MAX_REPLY_LINES; i++) {
    const l = await line(s, target, signal)
    lines.push(l)
    if (l.startsWith(`${tag} `)) return lines
  }
  throw fail(target, 'an endless reply')
}

async function upgrade(socket: Socket, target: GuessTarget, net: DiscoveryNet, signal: AbortSignal): Promise<Socket> {
  try {
    return await upgradeTls(socket, target.host, { trust: { ca: net.ca } }, PROBE_STEP_MS, signal)
  } catch (e) {
    if (e instanceof ProbeCancelled) throw new LookupError('timeout', `${target.host}:${target.port}: stopped`)
    const facts = factsFrom(e)
    throw fail(target, `no valid certificate for ${target.host} (${facts.code ?? facts.message})`)
  }
}

/** After a STARTTLS the server accepted: TLS on the same socket, and a new reader over it. */
async function secure(s: Session, target: GuessTarget, net: DiscoveryNet, signal: AbortSignal): Promise<Session> {
  s.reader.detach()
  const socket = await upgrade(s.socket, target, net, signal)
  return { socket, reader: new LineReader(socket) }
}

/** IMAP: greeting, CAPABILITY, and for STARTTLS the upgrade (RFC 9051 §6.2.1). No LOGIN. */
async function imap(s: Session, target: GuessTarget, net: DiscoveryNet, signal: AbortSignal): Promise<Session> {
  const greeting = await line(s, target, signal)
  if (!/^\* (OK|PREAUTH)\b/i.test(greeting)) throw fail(target, `not an IMAP greeting ("${greeting.slice(0, 60)}")`)
  s.socket.write('A1 CAPABILITY\r\n')
  const caps = await imapReply(s, target, 'A1', signal)
  if (target.security === 'tls') return s
  if (!caps.some((l) => /^\* CAPABILITY .*\bSTARTTLS\b/i.test(l))) throw fail(target, 'does not offer STARTTLS')
  s.socket.write('A2 STARTTLS\r\n')
  const done = (await imapReply(s, target, 'A2', signal)).at(-1) ?? ''
  if (!/^A2 OK\b/i.test(done)) throw fail(target, `refused STARTTLS ("${done.slice(0, 60)}")`)
  return secure(s, target, net, signal)
}

/** SMTP: greeting, EHLO, and for STARTTLS the upgrade (RFC 3207). No AUTH. */
async function smtp(s: Session, target: GuessTarget, net: DiscoveryNet, signal: AbortSignal): Promise<Session> {
  const greeting = await smtpReply(s, target, signal)
  if (greeting.code !== 220) throw fail(target, `not an SMTP greeting ("${greeting.lines[0]?.slice(0, 60) ?? ''}")`)
  // an address literal, as Thunderbird sends when it has no name to give (no local name leaks)
  s.socket.write('EHLO [127.0.0.1]\r\n')
  const ehlo = await smtpReply(s, target, signal)
  if (ehlo.code !== 250) throw fail(target, `refused EHLO (${ehlo.code})`)
  if (target.security === 'tls') return s
  if (!ehlo.lines.some((l) => /^250[- ]STARTTLS\b/i.test(l))) throw fail(target, 'does not offer STARTTLS')
  s.socket.write('STARTTLS\r\n')
  const ready = await smtpReply(s, target, signal)
  if (ready.code !== 220) throw fail(target, `refused STARTTLS (${ready.code})`)
  return secure(s, target, net, signal)
}

/**
 * Checks that a mail server answers at a guessed place, speaking only its greeting, CAPABILITY/EHLO and
 * (for STARTTLS) the upgrade: never a credential. A TLS server must present a certificate valid for the
 * guessed name (verified, never waved through). Resolves with a plain-words note of what answered.
 */
export async function probeGuess(target: GuessTarget, net: DiscoveryNet, signal: AbortSignal): Promise<string> {
  let socket = await net.connect({ host: target.host, port: target.port }, signal)
  try {
    if (target.security === 'tls') socket = await upgrade(socket, target, net, signal)
    const session = { socket, reader: new LineReader(socket) }
    const done =
      target.protocol === 'imap' ? await imap(session, target, net, signal) : await smtp(session, target, net, signal)
    socket = done.socket
    done.socket.write(target.protocol === 'imap' ? 'A9 LOGOUT\r\n' : 'QUIT\r\n')
    const mode = target.security === 'tls' ? 'SSL/TLS' : 'STARTTLS'
    return `answered on port ${target.port} (${mode}, certificate valid for ${target.host})`
  } finally {
    socket.destroy()
  }
}
