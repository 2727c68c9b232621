import { domainToASCII } from 'node:url'
import PDFDocument from 'pdfkit'
import type { Account } from '../../shared/account.js'
import type { IncomingServer, Security, Server } from '../../shared/mail.js'
import { oauthAdvice } from './oauth-advice.js'
import { providerById } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import { covers, MISSING_GLYPH, pdfFonts, printable, type PdfFont, type PdfFontName } from './pdf-fonts.js'
import type { ExportDocument, ExportOptions } from './export-document.js'

const SECURITY: Record<Security, string> = {
  tls: 'SSL/TLS (encrypted from the start)',
  starttls: 'STARTTLS (encryption switched on after connecting)',
  none: 'none (unencrypted)',
}

/** The sheet's font names, registered on each document (pdf-fonts.ts). */
const SANS = 'DejaVuSans'
const BOLD = 'DejaVuSans-Bold'
const MONO = 'DejaVuSansMono'

/** One document's writer: prints text in a bundled font and notes whether a character was missing. */
class Sheet {
  /** A character on the current page had no glyph (printed as MISSING_GLYPH). */
  missing = false

  constructor(
    readonly doc: Pdf,
    private readonly fonts: Record<PdfFontName, PdfFont>,
  ) {
    doc.registerFont(SANS, this.fonts.regular.data)
    doc.registerFont(BOLD, this.fonts.bold.data)
    doc.registerFont(MONO, this.fonts.mono.data)
  }

  /**
   * `text` as the font `name` prints it; selects that font. Mono lacks some scripts Sans has (Hebrew,
   * Arabic, some Vietnamese letters): such a value is set in Sans rather than with missing glyphs.
   */
  use(name: typeof SANS | typeof BOLD | typeof MONO, text: string): string {
    const fonts = { [SANS]: this.fonts.regular, [BOLD]: this.fonts.bold, [MONO]: this.fonts.mono }
    const chosen = name === MONO && !covers(fonts[MONO].font, text) && covers(fonts[SANS].font, text) ? SANS : name
    this.doc.font(chosen)
    const out = printable(text, fonts[chosen].font)
    if (out.includes(MISSING_GLYPH)) this.missing = true
    return out
  }
}

/**
 * An address as typed (an internationalized domain in Unicode); when the font lacks a character of the
 * domain, its A-label (xn--) form follows, which every mail app accepts.
 */
function printableAddress(sheet: Sheet, name: typeof SANS | typeof BOLD | typeof MONO, email: string): string {
  const shown = sheet.use(name, email)
  const at = email.lastIndexOf('@')
  const domain = email.slice(at + 1)
  const ascii = domainToASCII(domain)
  if (!shown.slice(shown.lastIndexOf('@') + 1).includes(MISSING_GLYPH) || !ascii || ascii === domain) return shown
  return `${shown} (${sheet.use(name, `${email.slice(0, at)}@${ascii}`)})`
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

function row(sheet: Sheet, label: string, value: string, mono = false): void {
  const { doc } = sheet
  const y = doc.y
  doc.fontSize(10).text(sheet.use(BOLD, label), 56, y, { width: 120 })
  doc.text(sheet.use(mono ? MONO : SANS, value), 180, y, { width: 360 })
  doc.moveDown(0.3)
}

function serverBlock(sheet: Sheet, title: string, server: Server | IncomingServer, username: string): void {
  sheet.doc.fontSize(11).text(sheet.use(BOLD, title), 56, sheet.doc.y)
  sheet.doc.moveDown(0.2)
  row(sheet, 'Server', server.host, true)
  row(sheet, 'Port', String(server.port), true)
  row(sheet, 'Encryption', SECURITY[server.security])
  row(sheet, 'User name', username, true)
  sheet.doc.moveDown(0.4)
}

function accountPage(sheet: Sheet, account: Account, date: string): void {
  const { doc } = sheet
  sheet.missing = false
  doc.fontSize(16).text(`Mail settings for ${printableAddress(sheet, BOLD, account.email)}`, 56, 56)
  doc.fontSize(9).fillColor('#444')
  doc.text(
    sheet.use(
      SANS,
      `Exported by Mailkey on ${date}. Enter these settings in any mail app; tested by Mailkey before they were saved.`,
    ),
  )
  doc.fillColor('#000').moveDown(1)
  const address = printableAddress(sheet, BOLD, account.email)
  const who = account.displayName ? `${sheet.use(BOLD, account.displayName)} <${address}>` : address
  doc.fontSize(12).text(who)
  doc.moveDown(0.5)
  serverBlock(sheet, `Incoming mail (${account.incoming.protocol.toUpperCase()})`, account.incoming, account.username)
  serverBlock(sheet, 'Outgoing mail (SMTP)', account.outgoing, account.outgoingUsername ?? account.username)
  doc.fontSize(10).text(sheet.use(BOLD, 'Password: '), 56, doc.y, { continued: true })
  const advice = passwordAdvice(account)
  doc.text(sheet.use(SANS, `not printed here. ${advice.text}`), { width: 484 })
  if (advice.url) doc.moveDown(0.3).text(sheet.use(MONO, advice.url), 56, doc.y, { width: 484 })
  if (sheet.missing) {
    doc.moveDown(1).fontSize(9).fillColor('#444')
    doc.text(
      sheet.use(
        SANS,
        `Characters this sheet's font cannot show are printed as ${MISSING_GLYPH}; the HTML setup sheet shows them.`,
      ),
      56,
      doc.y,
      { width: 484 },
    )
    doc.fillColor('#000')
  }
}

/**
 * The printable setup sheet as PDF (one page per mailbox, A4), the same facts as the HTML sheet:
 * servers, ports, encryption, user names and where to create an app password. Never a password. Text
 * is set in the bundled DejaVu fonts, embedded as subsets (pdf-fonts.ts; nothing loaded from the
 * network or the system), so names and addresses print in any Latin, Greek or Cyrillic script as
 * typed; a character the fonts lack (CJK, Indic, Thai) prints as "\uFFFD", the page says so, and an
 * address whose domain has one also shows its xn-- form. Throws INVALID_INPUT for no accounts.
 */
export async function setupSheetPdf(
  accounts: readonly Account[],
  options: ExportOptions = {},
): Promise<ExportDocument> {
  const [first] = accounts
  if (!first) throw new AppError('INVALID_INPUT', 'Choose an account to export.')
  const fonts = await pdfFonts()
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
  const sheet = new Sheet(doc, fonts)
  for (const account of accounts) {
    doc.addPage({ margin: 56 })
    accountPage(sheet, account, date)
  }
  doc.end()
  const name = accounts.length === 1 ? first.email : 'mail-accounts'
  return {
    format: 'setup-sheet-pdf',
    fileName: `${name} setup sheet.pdf`,
    mimeType: 'application/pdf',
    content: await done,
  }
}
