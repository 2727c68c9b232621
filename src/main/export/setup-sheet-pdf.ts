import { domainToASCII } from 'node:url'
import PDFDocument from 'pdfkit'
import type { Account } from '../../shared/account.js'
import type { IncomingServer, Security, Server } from '../../shared/mail.js'
import { oauthAdvice } from './oauth-advice.js'
import { providerById } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import type { ExportDocument, ExportOptions } from './export-document.js'

const SECURITY: Record<Security, string> = {
  tls: 'SSL/TLS (encrypted from the start)',
  starttls: 'STARTTLS (encryption switched on after connecting)',
  none: 'none (unencrypted)',
}

/** Windows-1252's characters above Latin-1's C1 gap: the rest of what the standard PDF fonts can show. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

/**
 * Text the 14 standard PDF fonts can show (WinAnsiEncoding: Latin-1 and Windows-1252's extras);
 * anything else becomes "?" instead of wrong glyphs. The standard fonts keep the sheet offline and
 * small (no font file); the HTML sheet shows every script.
 */
export function winAnsi(text: string): string {
  let out = ''
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0
    out += (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(c) ? c : '?'
  }
  return out
}

/** An address as the standard fonts can print it: an internationalized domain in its A-label (xn--) form. */
function printableAddress(email: string): string {
  const at = email.lastIndexOf('@')
  const domain = email.slice(at + 1)
  return winAnsi(`${email.slice(0, at)}@${domainToASCII(domain) || domain}`)
}

/** What to say about the password, and the page to make an app password at (a line of its own). */
function passwordAdvice(account: Account): { text: string; url?: string } {
  const provider = account.providerId ? providerById(account.providerId) : undefined
  const app = provider?.appPassword
  const both = account.outgoingUsername === null ? ' The same password serves incoming and outgoing mail.' : ''
  if (account.oauth) return { text: oauthAdvice(provider?.name) }
  if (app) {
    const kind = app.required ? 'needs an app password' : 'may need an app password (with two-step sign-in on)'
    return {
      text: `${provider.name} ${kind}: create one for each device at the page below.${both}`,
      url: app.createUrl,
    }
  }
  return { text: `Use the account's password.${both}` }
}

type Pdf = InstanceType<typeof PDFDocument>

function row(doc: Pdf, label: string, value: string, mono = false): void {
  const y = doc.y
  doc.font('Helvetica-Bold').fontSize(10).text(label, 56, y, { width: 120 })
  doc.font(mono ? 'Courier' : 'Helvetica').text(winAnsi(value), 180, y, { width: 360 })
  doc.moveDown(0.3)
}

function serverBlock(doc: Pdf, title: string, server: Server | IncomingServer, username: string): void {
  doc.font('Helvetica-Bold').fontSize(11).text(title, 56, doc.y)
  doc.moveDown(0.2)
  row(doc, 'Server', server.host, true)
  row(doc, 'Port', String(server.port), true)
  row(doc, 'Encryption', SECURITY[server.security])
  row(doc, 'User name', username, true)
  doc.moveDown(0.4)
}

function accountPage(doc: Pdf, account: Account, date: string): void {
  const who = account.displayName
    ? `${winAnsi(account.displayName)} <${printableAddress(account.email)}>`
    : printableAddress(account.email)
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(`Mail settings for ${printableAddress(account.email)}`, 56, 56)
  doc.font('Helvetica').fontSize(9).fillColor('#444')
  doc.text(
    `Exported by Mailkey on ${date}. Enter these settings in any mail app; tested by Mailkey before they were saved.`,
  )
  doc.fillColor('#000').moveDown(1)
  doc.font('Helvetica-Bold').fontSize(12).text(who)
  doc.moveDown(0.5)
  serverBlock(doc, `Incoming mail (${account.incoming.protocol.toUpperCase()})`, account.incoming, account.username)
  serverBlock(doc, 'Outgoing mail (SMTP)', account.outgoing, account.outgoingUsername ?? account.username)
  doc.font('Helvetica-Bold').fontSize(10).text('Password: ', 56, doc.y, { continued: true })
  const advice = passwordAdvice(account)
  doc.font('Helvetica').text(winAnsi(`not printed here. ${advice.text}`), { width: 484 })
  if (advice.url) doc.moveDown(0.3).font('Courier').text(advice.url, 56, doc.y, { width: 484 })
}

/**
 * The printable setup sheet as PDF (one page per mailbox, A4, PDF's standard Helvetica and Courier:
 * nothing loaded from the network or the system), the same facts as the HTML sheet: servers, ports,
 * encryption, user names and where to create an app password. Never a password. Text outside
 * Windows-1252 is printed as "?" (domains in their xn-- form). Throws INVALID_INPUT for no accounts.
 */
export function setupSheetPdf(accounts: readonly Account[], options: ExportOptions = {}): Promise<ExportDocument> {
  const [first] = accounts
  if (!first) return Promise.reject(new AppError('INVALID_INPUT', 'Choose an account to export.'))
  const now = options.now ?? new Date()
  const date = now.toISOString().slice(0, 10)
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    info: { Title: 'Mail settings', Producer: 'Mailkey', Creator: 'Mailkey', CreationDate: now },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  for (const account of accounts) {
    doc.addPage({ margin: 56 })
    accountPage(doc, account, date)
  }
  doc.end()
  const name = accounts.length === 1 ? first.email : 'mail-accounts'
  return done.then((content) => ({
    format: 'setup-sheet-pdf',
    fileName: `${name} setup sheet.pdf`,
    mimeType: 'application/pdf',
    content,
  }))
}
