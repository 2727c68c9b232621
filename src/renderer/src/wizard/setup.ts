import type { AppPasswordCheck } from '../../../shared/app-password.js'
import type { DetectedSettings } from '../../../shared/ipc/contract.js'
import { EmailSchema, UsernameSchema, type IncomingServer } from '../../../shared/mail.js'
import type { Provider } from '../../../shared/providers.js'
import type { OAuthDraft } from '../lib/oauth-draft.js'
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
  /** Signs in with OAuth instead of a password: the client, and the sign-in once it finished. */
  signIn?: OAuthDraft | undefined
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
  }
}

/** The incoming servers detection offered, the default first (for the IMAP/POP3 choice). */
export function incomingChoices(setup: Setup): IncomingServer[] {
  const { incoming, incomingAlternatives } = setup.detected
  return incoming ? [incoming, ...incomingAlternatives] : incomingAlternatives
}

/** Providers whose password rules need explaining first: app passwords, or none at all (sign in instead). */
export function needsGuidance(provider: Provider | null): boolean {
  return Boolean(provider?.appPassword ?? provider?.oauthOnly)
}

/** Providers that take no password at all (Outlook.com, Microsoft 365): the wizard goes to "Sign in with Microsoft". */
export function signInOnly(provider: Provider | null): boolean {
  return provider?.oauthOnly === true
}

/** The password step's check; when editing, leaving it empty keeps the saved secret. */
export function checkSetupPassword(setup: Setup): AppPasswordCheck {
  if (setup.accountId !== undefined && setup.password === '') return { ok: true }
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
  incoming: DraftProblems
  outgoing: DraftProblems
}

export type ParsedSetup = { ok: true; servers: TestedServers } | { ok: false; problems: SetupProblems }

/** The servers ready to test, or what is wrong with each field. */
export function parseSetup(setup: Setup): ParsedSetup {
  const incoming = parseIncoming(setup.incoming)
  const outgoing = parseServer(setup.outgoing)
  const username = UsernameSchema.safeParse(setup.username)
  if (incoming.ok && outgoing.ok && username.success) {
    const auth = setup.signIn ? ({ auth: 'oauth2' } as const) : {}
    return { ok: true, servers: { incoming: incoming.server, outgoing: outgoing.server, ...auth } }
  }
  return {
    ok: false,
    problems: {
      ...(username.success ? {} : { username: username.error.issues[0]?.message ?? 'Check the username.' }),
      incoming: incoming.ok ? {} : incoming.problems,
      outgoing: outgoing.ok ? {} : outgoing.problems,
    },
  }
}
