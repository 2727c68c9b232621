import type { AppPasswordCheck } from '../../../shared/app-password.js'
import type { DetectedSettings } from '../../../shared/ipc/contract.js'
import type { ConnectionSettings } from '../../../shared/connection.js'
import { EmailSchema, sameServer, UsernameSchema, type IncomingServer, type Server } from '../../../shared/mail.js'
import type { Provider } from '../../../shared/providers.js'
import type { OAuthDraft } from '../lib/oauth-draft.js'
import { needsMicrosoftSignIn } from '../lib/microsoft.js'
import { checkPassword } from '../lib/password.js'
import {
  incomingDraft,
  parseIncoming,
  parseServer,
  serverDraft,
  type DraftProblems,
  type IncomingDraft,
  type ServerDraft,
} from '../lib/server-draft.js'
import type { TestedServers } from '../test-view/test-run.js'
import { BLANK_OFFICE, parseOffice, parseReplyTo, type OfficeDraft, type OfficeProblems } from './office-draft.js'

/**
 * Everything the user has entered or accepted so far. Every step after the address carries it whole,
 * so going back, retrying or cancelling never loses what was typed.
 */
export interface Setup {
  /** The address, trimmed. */
  email: string
  displayName: string
  /** Login name for both servers; the address unless the provider says otherwise. */
  username: string
  /** What detection found for the address: provider, where the settings came from, alternatives. */
  detected: DetectedSettings
  /** Normalised as typed (app-password separators stripped); one secret for both servers. */
  password: string
  incoming: IncomingDraft
  outgoing: ServerDraft
  /**
   * Editing this saved account: the address is fixed, and an empty password means "keep the saved
   * one" (tests then use the keychain's secret through `accountId`).
   */
  accountId?: string | undefined
  /** Save only after a validation message from the address to itself arrived (validate and save). */
  proveDelivery?: boolean | undefined
  /** Hosts discovery could not vouch for that the user confirmed (main was told, too). */
  confirmedHosts?: readonly string[] | undefined
  /** Signs in with OAuth instead of a password: the client, and the sign-in once it finished. */
  signIn?: OAuthDraft | undefined
  /**
   * Sending signs in as someone else (an SMTP relay, a host with separate logins): its user name and
   * its own password ('' for the same password as incoming, or, editing, the saved one). Null: turned
   * off, one login serves both servers. Unset: as the saved account has it (none for a new one).
   */
  outgoingLogin?: { username: string; password: string } | null | undefined
  /** Reply-To of messages sent as the address, as typed (empty: none). The sender name is `displayName`. */
  replyTo: string
  /** Outgoing servers sending falls back to, in order. */
  fallbacks: ServerDraft[]
  /** Proxy, TLS minimum per server, trusted certificates, office CAs. */
  office: OfficeDraft
  /**
   * Editing: what the account was saved with, so only what changed is sent (main keeps the rest, and
   * a saved proxy password stays bound to its proxy).
   */
  saved?: { connection: ConnectionSettings; replyTo: string | null; fallbacks: Server[] } | undefined
}

/**
 * The address as Mailkey keeps it: trimmed, its domain in lower case (domains are case-insensitive,
 * RFC 5321 §2.4, and providers and autoconfig files are keyed by them), its local part as typed (which
 * RFC 5321 lets a server treat case-sensitively).
 */
export function normalizeAddress(typed: string): string {
  const email = typed.trim()
  const at = email.lastIndexOf('@')
  return at < 0 ? email : `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`
}

export function isEmail(value: string): boolean {
  return EmailSchema.safeParse(value).success
}

const BLANK_INCOMING: IncomingDraft = { protocol: 'imap', host: '', port: '993', security: 'tls' }
const BLANK_OUTGOING: ServerDraft = { host: '', port: '465', security: 'tls' }

/**
 * A setup for a freshly detected address. The password carries over from the previous setup only
 * when the provider is the same (the user fixed a typo in the address), never to another provider.
 */
export function setupFromDetection(
  email: string,
  displayName: string,
  detected: DetectedSettings,
  previous: Setup | null,
): Setup {
  const before = previous?.detected.provider
  const sameProvider = before != null && before.id === detected.provider?.id
  return {
    email,
    displayName,
    username: detected.username,
    detected,
    password: sameProvider && previous ? previous.password : '',
    incoming: detected.incoming ? incomingDraft(detected.incoming) : BLANK_INCOMING,
    outgoing: detected.outgoing ? serverDraft(detected.outgoing) : BLANK_OUTGOING,
    // the office network (its proxy, its CA) does not change with the address
    replyTo: previous?.replyTo ?? '',
    fallbacks: [],
    office: previous?.office ?? BLANK_OFFICE,
  }
}

/** The incoming servers detection offered, the default first (for the IMAP/POP3 choice). */
export function incomingChoices(setup: Setup): IncomingServer[] {
  const { incoming, incomingAlternatives } = setup.detected
  return incoming ? [incoming, ...incomingAlternatives] : incomingAlternatives
}

/** Discovery found nothing at all: the user enters the servers. */
export function nothingFound(setup: Setup): boolean {
  return setup.accountId === undefined && !setup.detected.incoming && !setup.detected.outgoing
}

/**
 * The current servers' hosts that discovery could not vouch for and the user has not confirmed, with
 * why: testing waits for the user's word (and main refuses without it).
 */
export function unconfirmedHosts(setup: Setup): { host: string; caution: string }[] {
  const found = [...(setup.detected.found?.incoming ?? []), ...(setup.detected.found?.outgoing ?? [])]
  const current = [setup.incoming.host, setup.outgoing.host].map((h) => h.trim().toLowerCase())
  const confirmed = new Set(setup.confirmedHosts ?? [])
  const out = new Map<string, string>()
  for (const f of found) {
    const host = f.server.host.toLowerCase()
    if (!f.trusted && current.includes(host) && !confirmed.has(host)) out.set(host, f.caution ?? '')
  }
  return [...out].map(([host, caution]) => ({ host, caution }))
}

/** Providers whose password rules need explaining first: app passwords, or none at all (sign in instead). */
export function needsGuidance(provider: Provider | null): boolean {
  return Boolean(provider?.appPassword) || needsMicrosoftSignIn(provider)
}

/**
 * Editing: whether the servers are still the ones the password was saved for. Main sends a saved
 * password to no other server (PASSWORD_REQUIRED), so a changed server needs it typed again.
 */
export function keepsSavedServers(setup: Setup): boolean {
  const parsed = parseSetup(setup)
  const { incoming, outgoing } = setup.detected
  if (!parsed.ok || !incoming || !outgoing) return true // nothing to compare yet: main decides
  return sameServer(parsed.servers.incoming, incoming) && sameServer(parsed.servers.outgoing, outgoing)
}

export const PASSWORD_FOR_NEW_SERVER =
  'The servers changed, so enter the password again: Mailkey sends a saved password only to the servers it was saved for.'

/** Providers that take no password at all (Outlook.com, Microsoft 365): the wizard goes to "Sign in with Microsoft". */
export function signInOnly(provider: Provider | null): boolean {
  return provider?.oauthOnly === true
}

/** The password step's check; when editing, leaving it empty keeps the saved secret (for the saved servers). */
export function checkSetupPassword(setup: Setup): AppPasswordCheck {
  if (setup.accountId !== undefined && setup.password === '') {
    return keepsSavedServers(setup) ? { ok: true } : { ok: false, message: PASSWORD_FOR_NEW_SERVER }
  }
  return checkPassword(setup.detected.provider, setup.password)
}

/**
 * Where a test or save takes the secret from: a sign-in just finished, the password typed now, or the
 * saved account's.
 */
export function secretSource(setup: Setup): { password: string } | { accountId: string } | { grantId: string } {
  if (setup.signIn?.grant) return { grantId: setup.signIn.grant.grantId }
  return setup.accountId !== undefined && setup.password === ''
    ? { accountId: setup.accountId }
    : { password: setup.password }
}

export interface SetupProblems {
  username?: string
  outgoingUsername?: string
  incoming: DraftProblems
  outgoing: DraftProblems
  fallbacks: DraftProblems[]
  office: OfficeProblems
  replyTo?: string
}

export type ParsedSetup = { ok: true; servers: TestedServers } | { ok: false; problems: SetupProblems }

/** The servers ready to test, or what is wrong with each field. */
export function parseSetup(setup: Setup): ParsedSetup {
  const incoming = parseIncoming(setup.incoming)
  const outgoing = parseServer(setup.outgoing)
  const username = UsernameSchema.safeParse(setup.username)
  const split = setup.outgoingLogin ? UsernameSchema.safeParse(setup.outgoingLogin.username) : null
  const outgoingUsername = split && !split.success ? (split.error.issues[0]?.message ?? 'Check the user name.') : null
  const fallbacks = setup.fallbacks.map(parseServer)
  const replyTo = parseReplyTo(setup.replyTo)
  const office =
    incoming.ok && outgoing.ok
      ? parseOffice(setup.office, { incoming: incoming.server, outgoing: outgoing.server })
      : null
  if (
    incoming.ok &&
    outgoing.ok &&
    username.success &&
    outgoingUsername === null &&
    fallbacks.every((f) => f.ok) &&
    replyTo.ok &&
    office?.ok
  ) {
    const auth = setup.signIn ? ({ auth: 'oauth2' } as const) : {}
    return { ok: true, servers: { incoming: incoming.server, outgoing: outgoing.server, ...auth } }
  }
  return {
    ok: false,
    problems: {
      ...(username.success ? {} : { username: username.error.issues[0]?.message ?? 'Check the username.' }),
      ...(outgoingUsername ? { outgoingUsername } : {}),
      incoming: incoming.ok ? {} : incoming.problems,
      outgoing: outgoing.ok ? {} : outgoing.problems,
      fallbacks: fallbacks.map((f) => (f.ok ? {} : f.problems)),
      office: office && !office.ok ? office.problems : {},
      ...(replyTo.ok ? {} : { replyTo: replyTo.problem }),
    },
  }
}
