import { ImapFlow } from 'imapflow'
import nodemailer from 'nodemailer'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'

const b = bed()
const alice = BED_USERS.alice

/** The bed itself: what later tests rely on (delivery into the mailbox) must really work. */
describe('the test bed', () => {
  it('delivers a message submitted on 465 into the IMAP inbox (SMTP → LMTP → Dovecot)', async () => {
    const messageId = `<${randomBytes(8).toString('hex')}@mailkey.test>`
    const smtp = nodemailer.createTransport({
      host: b.host,
      port: b.ports.smtps,
      secure: true,
      auth: { user: alice.address, pass: alice.appPassword },
      tls: { ca: b.ca, servername: 'localhost' },
    })
    await smtp.sendMail({ from: alice.address, to: alice.address, subject: 'bed round trip', text: 'hello', messageId })
    smtp.close()

    const imap = new ImapFlow({
      host: b.host,
      port: b.ports.imaps,
      secure: true,
      auth: { user: alice.address, pass: alice.appPassword },
      tls: { ca: b.ca },
      logger: false,
    })
    await imap.connect()
    try {
      const lock = await imap.getMailboxLock('INBOX')
      try {
        let found: number[] = []
        // delivery is asynchronous: poll a few times, 100 ms apart, 3 s at most
        for (let i = 0; i < 30 && found.length === 0; i++) {
          found = (await imap.search({ header: { 'message-id': messageId } }, { uid: true })) || []
          if (found.length === 0) await new Promise((r) => setTimeout(r, 100))
        }
        expect(found).toHaveLength(1)
      } finally {
        lock.release()
      }
    } finally {
      await imap.logout()
    }
  })

  it('refuses a plaintext login on 127.0.0.2 before STARTTLS (real-world behaviour, not loopback leniency)', async () => {
    const imap = new ImapFlow({
      host: '127.0.0.2',
      port: b.ports.imap,
      secure: false,
      doSTARTTLS: false,
      auth: { user: alice.address, pass: alice.appPassword },
      logger: false,
    })
    imap.on('error', () => undefined)
    await expect(imap.connect()).rejects.toThrow()
    imap.close()
  })
})
