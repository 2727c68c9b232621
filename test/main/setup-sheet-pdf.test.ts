import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { exportDocument } from '../../src/main/export/index.js'
import { MISSING_GLYPH, pdfFonts, printable } from '../../src/main/export/pdf-fonts.js'
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
    // an internationalized address as typed, in the embedded Unicode font
    expect(second).toContain('Mail settings for иван@bücher.test')
    expect(second).toContain('Иван <иван@bücher.test>')
    expect(second).not.toContain('?')
    expect(second).toContain('Incoming mail (POP3)')
    expect(second).toMatch(/User name ivan .*User name apikey/)
    expect(second).toContain('2525')
    expect(`${first} ${second}`).not.toContain('never-printed')
  })

  it('prints names and addresses in Polish, Czech, Greek, Cyrillic, Turkish and Vietnamese as typed, fonts embedded as subsets', async () => {
    const people: [string, string][] = [
      ['Łukasz Żółć', 'lukasz@poczta.example'],
      ['Jiří Dvořák', 'jiri@posta.example'],
      ['Ελένη Παπαδοπούλου', 'eleni@ταχυδρομείο.example'],
      ['Иван Петров', 'иван@пример.рф'],
      ['Şükrü Çağlayan', 'şükrü@posta.example'],
      ['Ærøskøbing Ltd', 'anna@bücher.example'],
      ['Nguyễn Thị Minh Khai', 'nguyễn@thư.example'],
    ]
    const accounts = people.map(([name, email], i): Account => ({
      ...RELAY,
      id: `p${i}`,
      displayName: name,
      email,
      username: email,
    }))
    const doc = await exportDocument('setup-sheet-pdf', accounts, { now: new Date('2026-11-30T12:00:00Z') })
    if (typeof doc.content === 'string') throw new Error('a PDF is bytes')
    const pages = await pagesText(doc.content)
    expect(pages).toHaveLength(people.length)
    people.forEach(([name, email], i) => {
      expect(pages[i]).toContain(`Mail settings for ${email}`)
      expect(pages[i]).toContain(`${name} <${email}>`)
      expect(pages[i]).toMatch(new RegExp(`User name ${email.replace(/[.]/g, '\\.')}`))
      expect(pages[i]).not.toContain('?')
      expect(pages[i]).not.toContain(MISSING_GLYPH)
      expect(pages[i]).not.toContain('cannot show')
    })
    // subsets, not the fonts whole: DejaVu Sans alone is 757 KB
    const raw = Buffer.from(doc.content).toString('latin1')
    const embedded = [...raw.matchAll(/\/FontName \/([A-Z]{6})\+(DejaVu[\w-]+)/g)].map((m) => m[2])
    expect(new Set(embedded)).toEqual(new Set(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSansMono']))
    const single = await exportDocument('setup-sheet-pdf', accounts.slice(3, 4))
    console.log(
      `setup sheet PDF: ${single.content.length} bytes for one page, ${doc.content.length} for ${people.length}`,
    )
    expect(single.content.length).toBeLessThan(200 * 1024)
    expect(doc.content.length).toBeLessThan(200 * 1024)
  })

  it('prints a character the fonts lack as U+FFFD, says so on the page, and shows such a domain in its xn-- form', async () => {
    const doc = await exportDocument('setup-sheet-pdf', [
      { ...RELAY, displayName: '王小明 ☎', email: 'wang@例子.example' },
    ])
    if (typeof doc.content === 'string') throw new Error('a PDF is bytes')
    const [page] = await pagesText(doc.content)
    expect(page).toContain(
      `${MISSING_GLYPH}${MISSING_GLYPH}${MISSING_GLYPH} ☎ <wang@${MISSING_GLYPH}${MISSING_GLYPH}.example (wang@xn--fsqu00a.example)>`,
    )
    expect(page).toContain(`printed as ${MISSING_GLYPH}; the HTML setup sheet shows them`)
  })

  it('printable: keeps what the font has, replaces what it lacks, drops controls and invisible selectors', async () => {
    const { font } = (await pdfFonts()).regular
    expect(printable('Ångström – “Büro” € 5 Şğı Ελ Жж', font)).toBe('Ångström – “Büro” € 5 Şğı Ελ Жж')
    expect(printable('王 कि\u0007\u{E0100}', font)).toBe(`${MISSING_GLYPH} ${MISSING_GLYPH}${MISSING_GLYPH}`)
  })
})
