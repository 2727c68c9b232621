import { createHash } from 'node:crypto'
import { build } from 'plist'
import type { Account } from '../../shared/account.js'
import { AppError } from '../app-error.js'
import type { AccountSecrets, ExportOptions, TextDocument } from './export-document.js'

/**
 * A stable UUID for a payload (RFC 9562 layout, version 5 bits, from SHA-256 rather than SHA-1): the
 * same account exports with the same PayloadUUID, so installing a newer profile replaces the older one
 * instead of adding a second account.
 */
function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest()
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80
  const hex = h.subarray(0, 16).toString('hex').toUpperCase()
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/**
 * One `com.apple.mail.managed` payload (https://developer.apple.com/documentation/devicemanagement/mail).
 * `…UseSSL` is true for SSL/TLS and for STARTTLS alike: Apple Mail then uses TLS from the first byte on
 * 465/993/995 and upgrades with STARTTLS on 587/143/110 (Apple's own iCloud settings: 587 with SSL on).
 * Without secrets, the device asks for the password when the profile is installed.
 */
function mailPayload(account: Account, secrets: AccountSecrets | undefined): Record<string, string | number | boolean> {
  const uuid = stableUuid(`mailkey:mail:${account.id}`)
  const split = account.outgoingUsername !== null
  return {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: `org.mailkey.mail.${uuid}`,
    PayloadUUID: uuid,
    PayloadDisplayName: `Mail: ${account.email}`,
    EmailAccountDescription: account.email,
    ...(account.displayName ? { EmailAccountName: account.displayName } : {}),
    EmailAccountType: account.incoming.protocol === 'pop3' ? 'EmailTypePOP' : 'EmailTypeIMAP',
    EmailAddress: account.email,
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerHostName: account.incoming.host,
    IncomingMailServerPortNumber: account.incoming.port,
    IncomingMailServerUseSSL: account.incoming.security !== 'none',
    IncomingMailServerUsername: account.username,
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerHostName: account.outgoing.host,
    OutgoingMailServerPortNumber: account.outgoing.port,
    OutgoingMailServerUseSSL: account.outgoing.security !== 'none',
    OutgoingMailServerUsername: account.outgoingUsername ?? account.username,
    OutgoingPasswordSameAsIncomingPassword: !split,
    ...(secrets ? { IncomingPassword: secrets.incoming } : {}),
    ...(secrets && split && secrets.outgoing ? { OutgoingPassword: secrets.outgoing } : {}),
  }
}

/**
 * An Apple configuration profile (.mobileconfig, unsigned) with one mail payload per account, for
 * iPhone, iPad and Mac. Passwords only when `options.secrets` holds them; otherwise the device asks.
 * Throws INVALID_INPUT for no accounts.
 */
export function appleProfile(accounts: readonly Account[], options: ExportOptions = {}): TextDocument {
  const [first] = accounts
  if (!first) throw new AppError('INVALID_INPUT', 'Choose an account to export.')
  // com.apple.mail.managed knows password kinds only (EmailAuthPassword, CRAM-MD5, NTLM, HTTPMD5): a
  // profile would hand the device a password prompt that can never succeed
  const oauth = accounts.find((a) => a.oauth !== null)
  if (oauth) {
    throw new AppError(
      'INVALID_INPUT',
      `${oauth.email} signs in with OAuth, which an Apple configuration profile cannot describe. On the iPhone or Mac, add it in Settings → Mail → Accounts with the provider’s own sign-in.`,
    )
  }
  const ids = accounts.map((a) => a.id).join(',')
  const uuid = stableUuid(`mailkey:profile:${ids}`)
  const withSecrets = accounts.some((a) => options.secrets?.has(a.id))
  const profile = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: `org.mailkey.profile.${uuid}`,
    PayloadUUID: uuid,
    PayloadDisplayName: accounts.length === 1 ? `Mail settings for ${first.email}` : 'Mail settings',
    PayloadDescription: withSecrets
      ? 'Mail settings exported by Mailkey, with passwords: keep this file private.'
      : 'Mail settings exported by Mailkey. It holds no password: the device asks for it (an app password where the provider wants one).',
    PayloadRemovalDisallowed: false,
    PayloadContent: accounts.map((a) => mailPayload(a, options.secrets?.get(a.id))),
  }
  const name = accounts.length === 1 ? first.email : 'mail-accounts'
  return {
    format: 'apple-profile',
    fileName: `${name}.mobileconfig`,
    mimeType: 'application/x-apple-aspen-config',
    content: build(profile),
  }
}
