import { describe, expect, it } from 'vitest'
import { plannedStages } from '../../src/shared/mail.js'
import type { ProbeReport } from '../../src/shared/report.js'
import { runTest } from './run-test.js'
import { DEFAULT_TIMEOUTS } from '../../src/main/mail/timeouts.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'

const b = bed()
const alice = BED_USERS.alice
const base = { email: alice.address, timeouts: DEFAULT_TIMEOUTS, trust: { ca: b.ca }, providerId: 'gmail' as const }

function stagesOf(r: ProbeReport | undefined): string[] {
  return (r?.stages ?? []).map((s) => s.stage)
}

describe('real logins against the bed (Dovecot + smtp-server)', () => {
  const servers = [
    ['IMAP over TLS', { incoming: b.imaps }],
    ['IMAP with STARTTLS', { incoming: b.imapStarttls }],
    ['POP3 over TLS', { incoming: b.pop3s }],
    ['POP3 with STLS', { incoming: b.pop3Stls }],
    ['SMTP over TLS (465-style)', { outgoing: b.smtps }],
    ['SMTP with STARTTLS (587-style)', { outgoing: b.submission }],
  ] as const

  it.each(servers)('%s accepts the app password and passes every planned stage', async (_name, sides) => {
    const { report } = await runTest({ ...base, password: alice.appPassword, ...sides })
    const r = report.incoming ?? report.outgoing
    const server = 'incoming' in sides ? sides.incoming : sides.outgoing
    expect(r?.ok).toBe(true)
    expect(stagesOf(r)).toEqual(plannedStages(server.security))
    expect(r?.cause).toBeUndefined()
  })

  it('tests incoming and outgoing at once: the total is close to the slower side, not the sum', async () => {
    const { report } = await runTest({ ...base, password: alice.appPassword, incoming: b.imaps, outgoing: b.smtps })
    expect(report.incoming?.ok).toBe(true)
    expect(report.outgoing?.ok).toBe(true)
    const slower = Math.max(report.incoming?.ms ?? 0, report.outgoing?.ms ?? 0)
    const sum = (report.incoming?.ms ?? 0) + (report.outgoing?.ms ?? 0)
    expect(report.ms).toBeLessThan(sum)
    expect(report.ms).toBeLessThanOrEqual(slower + 50)
  })

  it("reports Gmail's app-password-required texts for the account's normal password", async () => {
    const { report } = await runTest({
      ...base,
      password: alice.normalPassword,
      incoming: b.imapStarttls,
      outgoing: b.submission,
    })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'app_password_required', failedStage: 'auth' })
    expect(report.incoming?.serverText).toBe(
      'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
    )
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'app_password_required', failedStage: 'auth' })
    expect(report.outgoing?.serverText).toContain('534-5.7.9 Application-specific password required.')
    expect(report.outgoing?.fix).toMatchObject({ kind: 'open-url', url: 'https://myaccount.google.com/apppasswords' })
  })

  it('reports invalid credentials with the server text on every protocol', async () => {
    const { report } = await runTest({
      ...base,
      password: 'zzzzzzzzzzzzzzzz',
      incoming: b.pop3s,
      outgoing: b.smtps,
    })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'invalid_credentials', failedStage: 'auth' })
    expect(report.incoming?.serverText).toBe('-ERR [AUTH] Username and password not accepted.')
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'invalid_credentials' })
    expect(report.outgoing?.serverText).toContain('535-5.7.8 Username and Password not accepted.')
  })

  it('never puts the password into a report or a transcript', async () => {
    const secret = 'wrongButSecretPw'
    const { report, transcripts } = await runTest({
      ...base,
      password: secret,
      incoming: b.imapStarttls,
      outgoing: b.submission,
    })
    const text =
      JSON.stringify(report) + (transcripts.incoming?.toString() ?? '') + (transcripts.outgoing?.toString() ?? '')
    for (const form of [
      secret,
      Buffer.from(secret).toString('base64'),
      Buffer.from(`\0${alice.address}\0${secret}`).toString('base64'),
    ]) {
      expect(text).not.toContain(form)
    }
    expect(transcripts.outgoing?.toString()).toContain('AUTH PLAIN [redacted]')
    expect(transcripts.incoming?.toString()).toContain('AUTHENTICATE PLAIN')
  })

  it('names a TLS/STARTTLS mix-up on the port and offers the switch', async () => {
    const { report } = await runTest({
      ...base,
      password: alice.appPassword,
      outgoing: { ...b.submission, security: 'tls' },
    })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'tls_mode_mismatch', failedStage: 'tls' })
    expect(report.outgoing?.fix).toMatchObject({
      kind: 'switch-security',
      port: b.ports.submission,
      security: 'starttls',
    })
  })

  it('reports a closed port at once as connection_refused', async () => {
    const { report } = await runTest({ ...base, password: 'x', incoming: { ...b.imaps, port: 1 } })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'connection_refused', failedStage: 'connect' })
    expect(report.incoming?.ms).toBeLessThan(1000)
  })
})

describe('the SMTP sender check (MAIL FROM/RCPT TO, then RSET: nothing is sent)', () => {
  const check = (from: string) => ({
    ...base,
    password: alice.appPassword,
    outgoing: b.submission,
    senderCheck: { from, to: alice.address },
  })

  it.each([alice.address, 'alice.sales@example.test'])('accepts %s as a sender', async (from) => {
    const { report, transcripts } = await runTest(check(from))
    expect(report.outgoing).toMatchObject({ ok: true })
    expect(stagesOf(report.outgoing)).toEqual(plannedStages('starttls', { senderCheck: true }))
    const wire = transcripts.outgoing?.toString() ?? ''
    expect(wire).toContain(`C: MAIL FROM:<${from}>`)
    expect(wire).toContain(`C: RCPT TO:<${alice.address}>`)
    expect(wire).toContain('C: RSET')
    expect(wire).not.toContain('C: DATA')
  })

  it('names a refused sender with the server’s words', async () => {
    const { report } = await runTest(check('bob@elsewhere.test'))
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'sender_not_allowed', failedStage: 'sender' })
    expect(report.outgoing?.serverText).toBe(
      '553 5.7.1 <bob@elsewhere.test>: Sender address rejected: not owned by user alice@example.test',
    )
  })

  it('still reports a wrong password as a login failure, not a sender problem', async () => {
    const { report } = await runTest({ ...check(alice.address), password: 'zzzzzzzzzzzzzzzz' })
    expect(report.outgoing).toMatchObject({ ok: false, cause: 'invalid_credentials', failedStage: 'auth' })
  })
})
