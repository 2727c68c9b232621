import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { exportDocument } from '../../src/main/export/index.js'
import { winAnsi } from '../../src/main/export/setup-sheet-pdf.js'
import type { Account } from '../../src/shared/account.js'

/**
 * Issue 17: the printable setup sheet as PDF (pdfkit), opened back with Mozilla's pdf.js and its text
 * read page by page: servers, ports, encryption, user names, where to make an app password; no password.
 */
const GMAIL: Account = {
  id: 'acc1',
  email: 'alice@example.test',
  displayName: 'Zoë Müller',
  username: 'alice@example.test',
  providerId: 'gmail',
  incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
  outgoing: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
  outgoingUsername: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  lastVerifiedAt: null,
  stale: null,
  aliases: [],
  filter: null,
  oauth: null,
  replyTo: null,
  outgoingFallbacks: [],
  connection: { proxy: null, minTls: [], pins: [], cas: [] },
}

const RELAY: Account = {
  ...GMAIL,
  id: 'acc2',
  email: 'иван@bücher.test',
  displayName: 'Иван',
  username: 'ivan',
  providerId: null,
  incoming: { protocol: 'pop3', host: 'pop.xn--bcher-kva.test', port: 110, security: 'starttls' },
  outgoing: { host: 'smtp.relay.test', port: 2525, security: 'starttls' },
  outgoingUsername: 'apikey',
}

/** pdf.js's own copies of the 14 standard fonts' metrics (it reads them from disk in Node). */
const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`

/** Each page's text, as pdf.js extracts it. */
async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise
  const pages: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    pages.push(
      content.items
        .map((i) => ('str' in i ? i.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    )
  }
  await pdf.destroy()
  return pages
}

describe('setup sheet as PDF', () => {
  it('one page per mailbox, every setting readable back, no password', async () => {
    const doc = await exportDocument('setup-sheet-pdf', [GMAIL, RELAY], {
      now: new Date('2026-11-30T12:00:00Z'),
      secrets: new Map([[GMAIL.id, { incoming: 'never-printed' }]]),
    })
    expect(doc.mimeType).toBe('application/pdf')
    expect(doc.fileName).toBe('mail-accounts setup sheet.pdf')
    if (typeof doc.content === 'string') throw new Error('a PDF is bytes')
    expect(Buffer.from(doc.content.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const [first, second, ...rest] = await pagesText(doc.content)
    expect(rest).toEqual([])
    for (const text of [
      'Mail settings for alice@example.test',
      'Exported by Mailkey on 2026-11-30',
      'Zoë Müller <alice@example.test>',
      'Incoming mail (IMAP)',
      'imap.gmail.com',
      '993',
      'SSL/TLS (encrypted from the start)',
      'Outgoing mail (SMTP)',
      'smtp.gmail.com',
      '587',
      'STARTTLS (encryption switched on after connecting)',
      'https://myaccount.google.com/apppasswords',
      'The same password serves incoming and outgoing mail.',
    ]) {
      expect(first).toContain(text)
    }
    // outside Windows-1252: "?" rather than wrong glyphs; the domain in its xn-- form
    expect(second).toContain('Mail settings for ????@xn--bcher-kva.test')
    expect(second).toContain('Incoming mail (POP3)')
    expect(second).toMatch(/User name ivan .*User name apikey/)
    expect(second).toContain('2525')
    expect(`${first} ${second}`).not.toContain('never-printed')
  })

  it('keeps what the standard fonts show (Latin-1, €, curly quotes), replaces the rest', () => {
    expect(winAnsi('Ångström – “Büro” € 5')).toBe('Ångström – “Büro” € 5')
    expect(winAnsi('Иван 王 😀\u0007')).toBe('???? ? ??')
  })
})
