import type { AccountView, Alias } from '../../../shared/account.js'
import { isGoogle } from '../lib/google.js'
import type { Stage } from '../../../shared/mail.js'
import { assertNever } from '../../../shared/result.js'
import { STAGE_LABEL } from '../lib/labels.js'
import { awaitingRoundTrip, senderRows, type AliasCheck } from './alias-check.js'
import type { SendTest } from './send-test.js'

/** The sender check's own stage (MAIL FROM, RCPT TO, then RSET): asking to send from the address. */
export const SENDER_STAGE_LABELS: Partial<Record<Stage, string>> = { sender: 'Asking to send from this address' }

/** The two checks of an alias, in the user's words (in code: level 1, the sender; level 2, the round trip). */
export const CHECK_NAMES = { sender: 'Server check', trip: 'Test message' } as const

/**
 * Gmail (and Workspace) accept any sender when asked and replace the From later, unless the address is
 * verified under "Send mail as": for them only the test message proves anything.
 */
export const GMAIL_SENDER_NOTE =
  'Gmail accepts any sender at this point and may replace the From later; only a test message proves it.'

export type Tone = 'ok' | 'bad' | 'none'

export interface LevelLine {
  level: string
  tone: Tone
  /** The short verdict ("Accepted"). */
  verdict: string
  /** What was found, in main's words. */
  detail?: string
}

/** The alias sends through a Gmail (or Workspace) account's own server, which may rewrite its From. */
export function sendsThroughGmail(account: AccountView, alias: Alias): boolean {
  return isGoogle(account.providerId) && alias.smtp === null
}

/**
 * An alias's last check as two lines, one per check, each said on its own. `google`: the account is
 * Gmail's, where an accepted sender alone is "not proven yet".
 */
export function lastCheckLines(alias: Alias, google = false): LevelLine[] {
  const check = alias.lastCheck
  const sender = CHECK_NAMES.sender
  const trip = CHECK_NAMES.trip
  if (!check) return [{ level: sender, tone: 'none', verdict: 'Not checked yet' }]
  const s = check.sender
  const r = check.roundTrip
  const unproven = google && !r
  const senderLine: LevelLine = s.ok
    ? unproven
      ? { level: sender, tone: 'none', verdict: 'Not proven yet', detail: GMAIL_SENDER_NOTE }
      : { level: sender, tone: 'ok', verdict: 'Accepted', detail: s.title }
    : {
        level: sender,
        tone: 'bad',
        verdict: s.cause === 'sender_not_allowed' ? 'Refused' : 'Check failed',
        detail: s.title,
      }
  if (!r) {
    return [senderLine, { level: trip, tone: 'none', verdict: s.ok ? 'Not sent' : 'Not sent: the server check failed' }]
  }
  const verdict = r.ok ? 'Arrived as sent' : r.rewritten ? 'From rewritten' : 'Not proven'
  return [senderLine, { level: trip, tone: r.ok ? 'ok' : 'bad', verdict, detail: r.title }]
}

type Shown = Exclude<AliasCheck, { status: 'options' }>

/** The check panel's headline: what is happening, or what came of it (on Gmail, accepted is not proven). */
export function checkHeading(check: Shown, address: string, google = false): string {
  switch (check.status) {
    case 'running':
      return check.cancelling ? 'Cancelling the check…' : `Checking ${address}…`
    case 'finished': {
      const { sender, roundTrip } = check.result
      if (!sender.ok)
        return sender.cause === 'sender_not_allowed' ? 'The server refused this sender' : 'The sender check failed'
      if (!roundTrip)
        return google ? `Not proven yet: Gmail accepts any sender here` : `The server accepts ${address} as sender`
      switch (roundTrip.outcome) {
        case 'arrived':
          return `${address} works: accepted and arrived as sent`
        case 'rewritten':
          return 'Accepted, but the From was rewritten'
        case 'not-arrived':
        case 'send-failed':
        case 'read-failed':
        case 'unavailable':
          return 'Accepted, but delivery was not proven'
        default:
          return assertNever(roundTrip.outcome)
      }
    }
    case 'error':
      return 'The check could not run'
    default:
      return assertNever(check)
  }
}

/** What the section's live region says while a check runs and when it ends. */
export function checkAnnouncement(check: AliasCheck, address: string, google = false): string {
  switch (check.status) {
    case 'options':
      return ''
    case 'running': {
      if (check.cancelling) return 'Cancelling the check.'
      if (awaitingRoundTrip(check)) return 'Sender accepted. Sending one message and waiting for it to arrive.'
      const running = senderRows(check).find((r) => r.state === 'running')
      if (!running) return 'Checking the sender.'
      const label = SENDER_STAGE_LABELS[running.stage] ?? STAGE_LABEL[running.stage]
      return `Checking the sender: ${label.toLowerCase()}.`
    }
    case 'finished':
      return `${checkHeading(check, address, google)}.`
    case 'error':
      return `The check could not run: ${check.message}`
    default:
      return assertNever(check)
  }
}

/** How an identity is written in a From line. */
export function identityText(name: string, address: string): string {
  return name ? `${name} <${address}>` : address
}

/** What the live region says about a test message once main has answered. */
export function sendAnnouncement(outcome: SendTest['outcome']): string {
  switch (outcome.status) {
    case 'idle':
      return ''
    case 'sending':
      return 'Sending the test message.'
    case 'error':
      return `The message could not be sent: ${outcome.message}`
    case 'done':
      return outcome.result.sent
        ? `The test message to ${outcome.to} was sent.`
        : `The test message was not sent: ${outcome.result.diagnosis.title}`
    default:
      return assertNever(outcome)
  }
}
