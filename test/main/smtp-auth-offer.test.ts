import { describe, expect, it } from 'vitest'
import { EhloCapabilities, requireAuthOffer } from '../../src/main/mail/smtp-capabilities.js'
import { ProbeFailure } from '../../src/main/mail/probe-failure.js'

/** What an EHLO reply offers decides whether any secret is sent (issue 11, fault 1; issue 15, tokens). */
function ehlo(...lines: string[]): EhloCapabilities {
  const caps = new EhloCapabilities()
  caps.observe('client', 'EHLO mailkey.invalid')
  caps.observe(
    'server',
    ['250-mail.example.test', ...lines.map((l, i) => `250${i === lines.length - 1 ? ' ' : '-'}${l}`)].join('\n'),
  )
  return caps
}

describe('the AUTH offer, before any secret is sent', () => {
  it('a password needs PLAIN, LOGIN or CRAM-MD5; an XOAUTH2-only server is refused with nothing sent', () => {
    expect(requireAuthOffer(ehlo('AUTH PLAIN LOGIN'), true)).toEqual(expect.arrayContaining(['PLAIN', 'LOGIN']))
    expect(() => requireAuthOffer(ehlo('AUTH XOAUTH2 OAUTHBEARER'), true)).toThrow(ProbeFailure)
  })

  it('an OAuth token passes a server that offers only XOAUTH2 or OAUTHBEARER (its mechanism is picked at sign-in)', () => {
    expect(requireAuthOffer(ehlo('AUTH XOAUTH2 OAUTHBEARER'), true, true)).toEqual(['XOAUTH2', 'OAUTHBEARER'])
  })

  it('no AUTH at all stops a token too, and says STARTTLS first when AUTH may come after it', () => {
    expect(() => requireAuthOffer(ehlo('PIPELINING'), true, true)).toThrow(/offers no sign-in/)
    expect(() => requireAuthOffer(ehlo('STARTTLS'), false, true)).toThrow(/only after STARTTLS/)
  })
})
