import type { Account } from '../../shared/account.js'
import { pinFor, type CertificatePin, type ConnectionSettings, type TrustedCa } from '../../shared/connection.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import { NotACaCertificate, readOfficeCa } from '../mail/office-ca.js'
import type { OfficeOptions } from '../mail/server-connection.js'
import { sameProxy, type AccountsService } from './accounts-service.js'

/** A saved account's office options, with its proxy's password from the keychain. */
export async function officeOf(account: Account, credentials: Credentials): Promise<OfficeOptions> {
  const password = await credentials.proxyPassword(account)
  return { settings: account.connection, ...(password !== null ? { proxyPassword: password } : {}) }
}

/**
 * The office options of a draft (the wizard, an edit, the CLI): its proxy password is the one typed
 * now, or the saved account's when the proxy is the very one it was saved for (a saved secret is not
 * sent to a proxy the page chose). A proxy that wants a user name needs its password.
 */
export async function draftOffice(
  settings: ConnectionSettings,
  typed: string | undefined,
  saved: Account | undefined,
  credentials: Credentials,
): Promise<OfficeOptions> {
  const proxy = settings.proxy
  if (typed !== undefined) return { settings, proxyPassword: typed }
  if (!proxy?.username) return { settings }
  const keep = saved && sameProxy(saved.connection.proxy, proxy) ? await credentials.proxyPassword(saved) : null
  if (keep === null) throw new AppError('INVALID_INPUT', 'Enter the proxy’s password.')
  return { settings, proxyPassword: keep }
}

/**
 * Every pin a draft adds must be a certificate Mailkey itself saw on that server (a failed test shows
 * it): the page can offer the user's "trust this certificate", not make up a key to trust. Pins the
 * account already had stay, and so do `approved` ones (a group's, taken from a tested account).
 */
export function checkNewPins(
  settings: ConnectionSettings,
  saved: Account | undefined,
  tester: ConnectionTester,
  approved: readonly CertificatePin[] = [],
): void {
  for (const pin of settings.pins) {
    const before = saved ? pinFor(saved.connection, pin) : undefined
    if (before && samePin(before, pin)) continue
    if (approved.some((a) => a.port === pin.port && a.host.toLowerCase() === pin.host.toLowerCase() && samePin(a, pin)))
      continue
    if (!tester.sawCertificate(pin)) {
      throw new AppError(
        'INVALID_INPUT',
        `Mailkey has not seen that certificate on ${pin.host}:${pin.port}; test the server, then trust the certificate it shows.`,
      )
    }
  }
}

function samePin(a: CertificatePin, b: CertificatePin): boolean {
  return a.spki === b.spki && a.anchor === b.anchor
}

/** An office CA the user picked, checked (a CA, in date) and described as main reads it. */
export function inspectCa(pem: string): TrustedCa {
  try {
    return readOfficeCa(pem)
  } catch (e) {
    if (e instanceof NotACaCertificate) throw new AppError('INVALID_INPUT', e.message)
    throw e
  }
}

/** The settings with every office CA read again here (subject and fingerprint as main sees them), whatever the page sent. */
export function withCheckedCas(settings: ConnectionSettings): ConnectionSettings {
  return { ...settings, cas: settings.cas.map((c) => inspectCa(c.pem)) }
}

/**
 * Sets a saved account's trusted certificates (the account screen shows them and removes them; "trust
 * this certificate" after a re-test adds one) and, when given, its TLS minimums (a one-click fix). New
 * pins must be certificates Mailkey saw on that server. Nothing here touches a secret or a server.
 */
export function setAccountTrust(
  deps: { accounts: AccountsService; tester: ConnectionTester },
  input: {
    accountId: string
    pins: CertificatePin[]
    cas: ConnectionSettings['cas']
    minTls?: ConnectionSettings['minTls'] | undefined
  },
): Account {
  const account = deps.accounts.get(input.accountId)
  const connection = withCheckedCas({
    ...account.connection,
    pins: input.pins,
    cas: input.cas,
    ...(input.minTls ? { minTls: input.minTls } : {}),
  })
  checkNewPins(connection, account, deps.tester)
  const updated = { ...account, connection }
  deps.accounts.update(updated)
  return updated
}
