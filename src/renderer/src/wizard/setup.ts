import type { AppPasswordCheck } from '../../../shared/app-password.js'
import type { DetectedSettings } from '../../../shared/ipc/contract.js'
import type { ConnectionSettings } from '../../../shared/connection.js'
import { EmailSchema, UsernameSchema, type IncomingServer, type Server } from '../../../shared/mail.js'
import type { Provider } from '../../../shared/providers.js'
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

/** Providers whose password rules need explaining before the password field. */
export function needsGuidance(provider: Provider | null): boolean {
  return Boolean(provider?.appPassword ?? provider?.oauthOnly)
}

/** The password step's check; when editing, leaving it empty keeps the saved secret. */
export function checkSetupPassword(setup: Setup): AppPasswordCheck {
  if (setup.accountId !== undefined && setup.password === '') return { ok: true }
  return checkPassword(setup.detected.provider, setup.password)
}

/** Where a test or save takes the secret from: the password typed now, or the saved account's. */
export function secretSource(setup: Setup): { password: string } | { accountId: string } {
  return setup.accountId !== undefined && setup.password === ''
    ? { accountId: setup.accountId }
    : { password: setup.password }
}

export interface SetupProblems {
  username?: string
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
  const fallbacks = setup.fallbacks.map(parseServer)
  const replyTo = parseReplyTo(setup.replyTo)
  const office =
    incoming.ok && outgoing.ok
      ? parseOffice(setup.office, { incoming: incoming.server, outgoing: outgoing.server })
      : null
  if (incoming.ok && outgoing.ok && username.success && fallbacks.every((f) => f.ok) && replyTo.ok && office?.ok) {
    return { ok: true, servers: { incoming: incoming.server, outgoing: outgoing.server } }
  }
  return {
    ok: false,
    problems: {
      ...(username.success ? {} : { username: username.error.issues[0]?.message ?? 'Check the username.' }),
      incoming: incoming.ok ? {} : incoming.problems,
      outgoing: outgoing.ok ? {} : outgoing.problems,
      fallbacks: fallbacks.map((f) => (f.ok ? {} : f.problems)),
      office: office && !office.ok ? office.problems : {},
      ...(replyTo.ok ? {} : { replyTo: replyTo.problem }),
    },
  }
}
