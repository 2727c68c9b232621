import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/main/diagnosis/index.js'
import { diagnosePasted } from '../../src/main/mail/diagnose-failure.js'
import { replyFacts } from '../../src/main/diagnosis/reply-facts.js'

/**
 * Issue 13, item 4: a message pasted from another mail app is explained about that app (no test ran, the
 * fix is made there), and one no rule recognises says what its shape tells instead of "the test failed".
 */

const GMAIL_534 =
  '534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp'
const YAHOO_535 = '535 5.7.0 (#AUTH005) Too many bad auth attempts.'
const IMAP_NO_APP =
  'a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833'
const GMAIL_535 =
  '535-5.7.8 Username and Password not accepted.\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials'

describe('the app a pasted message came from', () => {
  it.each([
    ['Gmail 534 over SMTP', GMAIL_534, 'Google needs an app password for your mail app'],
    ['Gmail over IMAP', IMAP_NO_APP, 'Google needs an app password for your mail app'],
    ['Yahoo #AUTH005', YAHOO_535, 'Yahoo Mail needs an app password for your mail app'],
  ])('%s: titled about "your mail app", the password goes into it, Mailkey is not named', (_, text, title) => {
    const r = diagnose({ text, origin: 'pasted' })
    expect(r.title).toBe(title)
    expect(r.explanation).toContain('into your mail app')
    expect(`${r.title} ${r.explanation}`).not.toMatch(/Mailkey|paste it here|enter it here/)
  })

  it('a rejected Gmail password pasted from another app says where the app password goes', () => {
    const r = diagnose({ text: GMAIL_535, origin: 'pasted' })
    expect(r.cause).toBe('invalid_credentials')
    expect(r.explanation).toContain('app password in your mail app')
    expect(r.explanation).not.toMatch(/\bhere\b/)
  })

  it('after a test in Mailkey the words stay about Mailkey (origin defaults to a test)', () => {
    expect(diagnose({ text: GMAIL_534 }).title).toBe('Google needs an app password for Mailkey')
    expect(diagnose({ text: GMAIL_534, origin: 'test' }).explanation).toContain('paste here')
  })
})

describe('an unrecognised pasted message says what is known, never "the test failed"', () => {
  it.each([
    [
      'SMTP 554 with enhanced 5.6.0',
      '554 5.6.0 Message contains invalid header',
      ['sending mail (SMTP)', '554 is a lasting refusal', '5.6.0 is a lasting failure about the message’s content'],
    ],
    [
      'SMTP 552 5.3.4 after "The server responded:"',
      'The server responded: 552 5.3.4 Message size exceeds fixed limit',
      ['sending mail (SMTP)', '552 is a lasting refusal', 'about the receiving mail system'],
    ],
    [
      'IMAP BAD',
      'A3 BAD Error in IMAP command received by server.',
      ['receiving mail (IMAP)', '(BAD): a mail app or protocol problem'],
    ],
    [
      'POP3 -ERR with no code Mailkey knows',
      '-ERR unable to process that request right now, sorry',
      ['receiving mail (POP3)', '(-ERR)'],
    ],
    [
      'an iPhone’s “Cannot Get Mail”',
      'Cannot Get Mail. The connection to the server failed.',
      ['about receiving mail'],
    ],
  ])('%s', (_, text, parts) => {
    const r = diagnose({ text, origin: 'pasted' })
    expect(r.cause).toBe('unknown')
    expect(r.title).toBe('Mailkey does not recognise this message')
    for (const part of parts) expect(r.explanation).toContain(part)
    expect(`${r.title} ${r.explanation} ${r.fix.label}`).not.toMatch(/test failed|[Cc]opy the details/)
    expect(r.fix).toEqual({ kind: 'none', label: 'Test the account for real to see what its servers answer now' })
  })

  it('a POP3 [LOGIN-DELAY] (RFC 2449 §8.1.1) is known: signing in again too soon, a limit, not a mystery', () => {
    const r = diagnose({ text: '-ERR [LOGIN-DELAY] minimum time between mail checks violated', origin: 'pasted' })
    expect(r.cause).toBe('rate_limited')
    expect(`${r.title} ${r.explanation}`).not.toMatch(/test failed|[Cc]opy the details/)
  })

  it('the protocol the user chose is what it says, whatever the text', () => {
    const r = diagnose({ text: 'Something odd happened', protocol: 'pop3', origin: 'pasted' })
    expect(r.explanation).toMatch(/^It comes from receiving mail \(POP3\)\./)
  })

  it('a test Mailkey ran still offers its details to copy, with what the code says', () => {
    const r = diagnose({ text: '554 5.6.0 Message contains invalid header', protocol: 'smtp' })
    expect(r.title).toBe('The test failed for a reason Mailkey does not recognise')
    expect(r.explanation).toContain('554 is a lasting refusal')
    expect(r.fix.label).toBe('Copy the details for support')
  })
})

describe('replyFacts reads codes, not numbers in sentences', () => {
  it('a port or an address is not a reply code', () => {
    expect(replyFacts({ text: 'Could not connect to smtp.example.com on port 465 (10.0.5.7)' }).sentences).toEqual([
      'It comes from sending mail (SMTP).',
    ])
  })

  it('a 4yz reply and 4.x.x code are temporary (RFC 5321 §4.2.1, RFC 3463)', () => {
    const { sentences } = replyFacts({ text: '451 4.4.2 Timeout while receiving data', protocol: 'smtp' })
    expect(sentences).toContain('451 is a temporary refusal: the server asks to try again later.')
    expect(sentences).toContain('4.4.2 is a temporary failure about the network or routing.')
  })

  it('IMAP NO with an RFC 5530 code names its meaning', () => {
    expect(replyFacts({ text: 'a4 NO [OVERQUOTA] Quota exceeded' }).sentences).toEqual([
      'It comes from receiving mail (IMAP).',
      'The server understood the request and refused it (NO).',
      '[OVERQUOTA] means the mailbox is over its storage quota.',
    ])
  })
})

describe('a pasted message that quotes a credential (issue 11, fault 1)', () => {
  it('sendmail quoting AUTH PLAIN back: the diagnosis shows the words with the credential replaced', () => {
    const blob = Buffer.from('\u0000alice@example.test\u0000hunter2-secret').toString('base64')
    const d = diagnosePasted({
      text: `500 5.5.1 Command unrecognized: "AUTH PLAIN ${blob}"`,
      protocol: 'smtp',
      origin: 'pasted',
    })
    expect(d.serverText).toContain('500 5.5.1 Command unrecognized')
    expect(d.serverText).not.toContain(blob)
    expect(d.serverText).toContain('AUTH PLAIN [redacted]')
  })

  it.each([110, 143, 25])('"no encryption" starting a title is a sentence: capital first (port %i)', (port) => {
    const d = diagnose({ text: 'wrong version number', port, security: 'none', stage: 'greeting' })
    expect(d.cause).toBe('tls_mode_mismatch')
    expect(d.title).toBe(`No encryption does not work on port ${port}`)
  })
})
