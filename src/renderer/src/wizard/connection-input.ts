import type { InputOf } from '../../../shared/ipc/contract.js'
import { DIRECT_CONNECTION } from '../../../shared/connection.js'
import type { Server } from '../../../shared/mail.js'
import { parseServer } from '../lib/server-draft.js'
import type { TestedServers } from '../test-view/test-run.js'
import { parseOffice, parseReplyTo } from './office-draft.js'
import { secretSource, type Setup } from './setup.js'

/**
 * Who sending signs in as: its own user (and password, when one was typed), null when the user turned
 * that off (one login again), or nothing said (a new account's one login; an edit keeps what was saved).
 */
function outgoingLogin(setup: Setup): { outgoingUsername?: string | null; outgoingPassword?: string } {
  const login = setup.outgoingLogin
  if (login === undefined) return {}
  if (login === null) return { outgoingUsername: null }
  return { outgoingUsername: login.username, ...(login.password ? { outgoingPassword: login.password } : {}) }
}

/**
 * The office options and fallback servers of a setup, as main takes them (checked before the test
 * started, so a problem here only drops the part that no longer parses).
 */
function officeInput(
  setup: Setup,
  tested: TestedServers,
): Pick<InputOf<'testConnection'>, 'connection' | 'proxyPassword' | 'outgoingFallbacks'> {
  const office = parseOffice(setup.office, tested)
  const fallbacks = setup.fallbacks.flatMap((d): Server[] => {
    const parsed = parseServer(d)
    return parsed.ok ? [parsed.server] : []
  })
  // only what differs from what main assumes (a direct connection, or the saved account's options)
  const before = setup.saved ?? { connection: DIRECT_CONNECTION, fallbacks: [] }
  return {
    ...(office.ok && !same(office.connection, before.connection) ? { connection: office.connection } : {}),
    ...(office.ok && office.proxyPassword !== undefined ? { proxyPassword: office.proxyPassword } : {}),
    ...(!same(fallbacks, before.fallbacks) ? { outgoingFallbacks: fallbacks } : {}),
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** What main gets to test these servers: the typed password, or (editing, left empty) the saved one. */
export function testInput(setup: Setup, testId: string, tested: TestedServers): InputOf<'testConnection'> {
  return {
    testId,
    email: setup.email,
    username: setup.username,
    ...secretSource(setup),
    ...(setup.signIn?.grant && setup.accountId !== undefined ? { accountId: setup.accountId } : {}),
    ...(setup.signIn?.grant ? {} : outgoingLogin(setup)),
    incoming: tested.incoming,
    outgoing: tested.outgoing,
    ...officeInput(setup, tested),
  }
}

/** What main gets to save: exactly the servers the test proved, and the test that proved them. */
export function saveInput(setup: Setup, testId: string, tested: TestedServers): InputOf<'saveAccount'> {
  return {
    email: setup.email,
    // editing sends the name even when cleared, so clearing it is saved
    ...(setup.displayName || setup.accountId !== undefined ? { displayName: setup.displayName.trim() } : {}),
    username: setup.username,
    providerId: setup.detected.provider?.id ?? null,
    incoming: tested.incoming,
    outgoing: tested.outgoing,
    ...(setup.signIn?.grant
      ? { grantId: setup.signIn.grant.grantId }
      : setup.password !== ''
        ? { password: setup.password }
        : {}),
    ...(setup.signIn?.grant ? {} : outgoingLogin(setup)),
    ...(setup.accountId !== undefined ? { accountId: setup.accountId } : {}),
    testId,
    ...officeInput(setup, tested),
    ...replyToInput(setup),
  }
}

function replyToInput(setup: Setup): { replyTo?: string | null } {
  const r = parseReplyTo(setup.replyTo)
  return r.ok && r.replyTo !== (setup.saved?.replyTo ?? null) ? { replyTo: r.replyTo } : {}
}

/** Validate and save: the same fields, main tests them again under `testId` and, asked, proves delivery. */
export function validateInput(
  setup: Setup,
  testId: string,
  tested: TestedServers,
  validationMessage: boolean,
): InputOf<'validateAndSave'> {
  return { ...saveInput(setup, testId, tested), testId, validationMessage }
}
