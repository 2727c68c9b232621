import type { Account, Alias } from '../../shared/account.js'
import type { IncomingServer, Server } from '../../shared/mail.js'
import { readableTime } from './export-document.js'

const SECURITY = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'no encryption' } as const

function server(s: Server | IncomingServer, protocol: string): string {
  return `${protocol} ${s.host} port ${s.port}, ${SECURITY[s.security]}`
}

function aliasLines(a: Alias, account: Account): string[] {
  const who = a.name ? `${a.name} <${a.address}>` : a.address
  const lines = [`  - ${who}${a.isDefault ? ' (default From)' : ''}`]
  if (a.replyTo) lines.push(`    Reply-To: ${a.replyTo}`)
  lines.push(`    Treat as an alias: ${a.treatAsAlias ? 'yes' : 'no'}`)
  lines.push(
    a.smtp
      ? `    Sends through: ${server(a.smtp, 'SMTP')}, username ${a.smtpUsername ?? account.username} (its own password, not included)`
      : '    Sends through: the account’s outgoing server',
  )
  if (a.lastCheck) {
    const trip = a.lastCheck.roundTrip ? `; round trip: ${a.lastCheck.roundTrip.title}` : ''
    lines.push(`    Last checked ${readableTime(a.lastCheck.at)}: ${a.lastCheck.sender.title}${trip}`)
  }
  return lines
}

/**
 * An account's identities as plain text, for a small office to hand on to the next person or device.
 * It names where each password is needed, never the password.
 */
export function exportIdentities(account: Account, now: Date = new Date()): string {
  const me = account.displayName ? `${account.displayName} <${account.email}>` : account.email
  const lines = [
    `Mail settings for ${account.email} (exported by Mailkey, ${now.toISOString().slice(0, 10)})`,
    '',
    `Account: ${me}`,
    `  Incoming: ${server(account.incoming, account.incoming.protocol.toUpperCase())}, username ${account.username}`,
    `  Outgoing: ${server(account.outgoing, 'SMTP')}, username ${account.outgoingUsername ?? account.username}`,
    account.outgoingUsername === null
      ? '  Password: the same app password for both servers (not included; create one per device)'
      : '  Passwords: one for incoming, its own for outgoing (neither included)',
    '',
    account.aliases.length ? 'Send-as addresses:' : 'Send-as addresses: none',
    ...account.aliases.flatMap((a) => aliasLines(a, account)),
    '',
  ]
  return lines.join('\n')
}
