import { XMLBuilder } from 'fast-xml-parser'
import type { Account } from '../../shared/account.js'
import type { IncomingServer, Security, Server } from '../../shared/mail.js'
import { providerById } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import { domainOf, type ExportDocument } from './export-document.js'

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

function serverElement(server: Server | IncomingServer, type: string, username: string): Record<string, unknown> {
  return {
    '@_type': type,
    hostname: server.host,
    port: server.port,
    socketType: SOCKET_TYPE[server.security],
    // Mailkey signs in with a password (an app password where the provider wants one), never OAuth here
    authentication: 'password-cleartext',
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

/**
 * Thunderbird's autoconfig file (config-v1.1, the ISPDB format:
 * https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat) for the accounts of one
 * domain, as one `emailProvider`. Thunderbird reads it from `<install dir>/isp/<domain>.xml` or from
 * `https://autoconfig.<domain>/mail/config-v1.1.xml`; it has no way to be handed a file or a URL scheme.
 * No password: the format has no place for one.
 *
 * Throws INVALID_INPUT for no accounts, or for accounts of different domains or servers (one file
 * describes one set of servers).
 */
export function thunderbirdAutoconfig(accounts: readonly Account[]): ExportDocument {
  const [first] = accounts
  if (!first) throw new AppError('INVALID_INPUT', 'Choose an account to export.')
  const domain = domainOf(first.email)
  const same = (a: Account): boolean =>
    domainOf(a.email) === domain &&
    JSON.stringify([a.incoming, a.outgoing]) === JSON.stringify([first.incoming, first.outgoing])
  if (!accounts.every(same)) {
    throw new AppError('INVALID_INPUT', 'One autoconfig file describes the servers of one domain.')
  }
  const provider = first.providerId ? providerById(first.providerId) : undefined
  const help = provider?.appPassword
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    clientConfig: {
      '@_version': '1.1',
      emailProvider: {
        '@_id': domain,
        domain,
        displayName: provider?.name ?? domain,
        displayShortName: provider?.name ?? domain,
        incomingServer: serverElement(
          first.incoming,
          first.incoming.protocol,
          usernameField(first.username, first.email),
        ),
        outgoingServer: serverElement(
          first.outgoing,
          'smtp',
          usernameField(first.outgoingUsername ?? first.username, first.email),
        ),
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
