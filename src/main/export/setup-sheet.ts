import type { Account } from '../../shared/account.js'
import type { IncomingServer, Security, Server } from '../../shared/mail.js'
import { oauthAdvice } from './oauth-advice.js'
import { providerById } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import type { ExportOptions, TextDocument } from './export-document.js'

const SECURITY: Record<Security, string> = {
  tls: 'SSL/TLS (encrypted from the start)',
  starttls: 'STARTTLS (encryption switched on after connecting)',
  none: 'none (unencrypted)',
}

/** Everything on the sheet comes from settings a user typed: escaped, never markup. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function serverRows(label: string, protocol: string, server: Server | IncomingServer, username: string): string {
  return [
    `<tr><th colspan="2" class="group">${esc(label)} (${esc(protocol)})</th></tr>`,
    `<tr><th>Server</th><td class="mono">${esc(server.host)}</td></tr>`,
    `<tr><th>Port</th><td class="mono">${server.port}</td></tr>`,
    `<tr><th>Encryption</th><td>${esc(SECURITY[server.security])}</td></tr>`,
    `<tr><th>User name</th><td class="mono">${esc(username)}</td></tr>`,
  ].join('\n')
}

function passwordAdvice(account: Account): string {
  const provider = account.providerId ? providerById(account.providerId) : undefined
  const app = provider?.appPassword
  const both = account.outgoingUsername === null ? 'The same password serves incoming and outgoing mail.' : ''
  if (account.oauth) return esc(oauthAdvice(provider?.name))
  if (app) {
    const kind = app.required ? 'needs an app password' : 'may need an app password (with two-step sign-in on)'
    return `${esc(provider.name)} ${kind}: create one for each device at <span class="mono">${esc(app.createUrl)}</span>. ${both}`
  }
  return `Use the account’s password. ${both}`
}

function accountSection(account: Account): string {
  const who = account.displayName ? `${esc(account.displayName)} &lt;${esc(account.email)}&gt;` : esc(account.email)
  return [
    '<section>',
    `<h2>${who}</h2>`,
    '<table>',
    serverRows('Incoming mail', account.incoming.protocol.toUpperCase(), account.incoming, account.username),
    serverRows('Outgoing mail', 'SMTP', account.outgoing, account.outgoingUsername ?? account.username),
    '</table>',
    `<p class="password"><strong>Password:</strong> not printed here. ${passwordAdvice(account)}</p>`,
    '</section>',
  ].join('\n')
}

const STYLE = `
  body { font: 11pt/1.45 system-ui, sans-serif; color: #111; margin: 2rem; max-width: 44rem; }
  h1 { font-size: 16pt; margin: 0 0 .25rem; }
  h2 { font-size: 13pt; margin: 1.5rem 0 .5rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ccc; vertical-align: top; }
  th { width: 11rem; font-weight: 600; }
  th.group { background: #eee; }
  .mono { font-family: ui-monospace, monospace; }
  .note { color: #444; }
  @media print { body { margin: 0; } section { break-inside: avoid; } }
`

/**
 * A printable setup sheet (HTML, no script, no remote content): servers, ports, encryption and user
 * names per account, and where to create an app password. Never a password. Throws INVALID_INPUT for
 * no accounts.
 */
export function setupSheet(accounts: readonly Account[], options: ExportOptions = {}): TextDocument {
  const [first] = accounts
  if (!first) throw new AppError('INVALID_INPUT', 'Choose an account to export.')
  const title = accounts.length === 1 ? `Mail settings for ${first.email}` : 'Mail settings'
  const date = (options.now ?? new Date()).toISOString().slice(0, 10)
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(title)}</h1>`,
    `<p class="note">Exported by Mailkey on ${date}. Enter these settings in any mail app; tested by Mailkey before they were saved.</p>`,
    ...accounts.map(accountSection),
    '</body>',
    '</html>',
    '',
  ].join('\n')
  const name = accounts.length === 1 ? first.email : 'mail-accounts'
  return { format: 'setup-sheet', fileName: `${name} setup sheet.html`, mimeType: 'text/html', content: html }
}
