import { XMLBuilder } from 'fast-xml-parser'
import type { Account } from '../../shared/account.js'
import type { IncomingServer, Security, Server } from '../../shared/mail.js'
import { providerById } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import { domainOf, type TextDocument } from './export-document.js'

/** Thunderbird's socketType for each security (config-v1.1: "SSL" is implicit TLS from the first byte). */
const SOCKET_TYPE: Record<Security, string> = { tls: 'SSL', starttls: 'STARTTLS', none: 'plain' }

/**
 * The user name as Thunderbird's placeholders where it follows from the address, so one file serves
 * every mailbox of the domain: %EMAILADDRESS% (the whole address), %EMAILLOCALPART% (before the @).
 */
function usernameField(username: string, email: string): string {
  if (username.toLowerCase() === email.toLowerCase()) return '%EMAILADDRESS%'
  if (username === email.slice(0, email.lastIndexOf('@'))) return '%EMAILLOCALPART%'
  return username
}

function serverElement(
  server: Server | IncomingServer,
  type: string,
  username: string,
  oauth = false,
): Record<string, unknown> {
  return {
    '@_type': type,
    hostname: server.host,
    port: server.port,
    socketType: SOCKET_TYPE[server.security],
    // a password (an app password where the provider wants one), or OAuth2 for an account that signs
    // in that way (Thunderbird's config-v1.1 `OAuth2`: the mail app then signs in in the browser)
    authentication: oauth ? 'OAuth2' : 'password-cleartext',
    username,
  }
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
})

/** The distinct elements, in first-seen order (two mailboxes on one server are one server element). */
function distinct(elements: Record<string, unknown>[]): Record<string, unknown>[] {
  const seen = new Map<string, Record<string, unknown>>()
  for (const e of elements) seen.set(JSON.stringify(e), seen.get(JSON.stringify(e)) ?? e)
  return [...seen.values()]
}

/**
 * Thunderbird's autoconfig file (config-v1.1, the ISPDB format:
 * https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat) for the accounts of one
 * domain, as one `emailProvider` with every distinct server of those accounts (first account's first,
 * as Thunderbird offers the first one it can use). User names become `%EMAILADDRESS%` or
 * `%EMAILLOCALPART%` where they follow from each address, so the office can publish one file at
 * `https://autoconfig.<domain>/mail/config-v1.1.xml` for every mailbox of the domain; Thunderbird also
 * reads it from `<install dir>/isp/<domain>.xml`. No password: the format has no place for one.
 *
 * Throws INVALID_INPUT for no accounts, or for accounts of different domains (one file describes one
 * domain).
 */
export function thunderbirdAutoconfig(accounts: readonly Account[]): TextDocument {
  const [first] = accounts
  if (!first) throw new AppError('INVALID_INPUT', 'Choose an account to export.')
  const domain = domainOf(first.email)
  if (!accounts.every((a) => domainOf(a.email) === domain)) {
    throw new AppError('INVALID_INPUT', 'One autoconfig file describes the servers of one domain.')
  }
  const provider = first.providerId ? providerById(first.providerId) : undefined
  // an app password is no advice for accounts that sign in with OAuth
  const help = accounts.some((a) => a.oauth !== null) ? undefined : provider?.appPassword
  const incoming = distinct(
    accounts.map((a) =>
      serverElement(a.incoming, a.incoming.protocol, usernameField(a.username, a.email), a.oauth !== null),
    ),
  )
  const outgoing = distinct(
    accounts.map((a) =>
      serverElement(a.outgoing, 'smtp', usernameField(a.outgoingUsername ?? a.username, a.email), a.oauth !== null),
    ),
  )
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    clientConfig: {
      '@_version': '1.1',
      emailProvider: {
        '@_id': domain,
        domain,
        displayName: provider?.name ?? domain,
        displayShortName: provider?.name ?? domain,
        incomingServer: incoming,
        outgoingServer: outgoing,
        ...(help
          ? {
              documentation: {
                '@_url': help.createUrl,
                descr: { '@_lang': 'en', '#text': `Sign in with an app password: create one at ${help.createUrl}` },
              },
            }
          : {}),
      },
    },
  })
  return { format: 'thunderbird-autoconfig', fileName: `${domain}.xml`, mimeType: 'application/xml', content: xml }
}

/** The saved accounts whose address is at `domain` (any case), for a domain's autoconfig file. */
export function accountsOfDomain(accounts: readonly Account[], domain: string): Account[] {
  const want = domain.trim().replace(/\.$/, '').toLowerCase()
  return accounts.filter((a) => domainOf(a.email) === want)
}
