import type { InputOf } from '../../../shared/ipc/contract.js'
import type { TestedServers } from '../test-view/test-run.js'
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
  }
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
