import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { OfficeOptions } from '../../src/main/mail/server-connection.js'
import { sameLogin } from '../../src/main/mail/test-request.js'
import { testServers } from '../../src/main/mail/test-servers.js'
import { DEFAULT_TIMEOUTS } from '../../src/main/mail/timeouts.js'
import { DIRECT_CONNECTION, withMinTls, withPin, type ConnectionSettings } from '../../src/shared/connection.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import type { ProbeReport } from '../../src/shared/report.js'
import { officePki, selfSignedLeaf } from '../bed/certs.js'
import { tlsFront, type TlsFront } from '../bed/tls-front.js'
import { BED_USERS } from '../bed/users.js'
import { bed } from './bed.js'

const b = bed()
const alice = BED_USERS.alice
const dir = mkdtempSync(join(tmpdir(), 'mailkey-tls-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let fronts: TlsFront[] = []
afterEach(async () => {
  await Promise.all(fronts.map((f) => f.close()))
  fronts = []
})
async function front(opts: Omit<Parameters<typeof tlsFront>[0], 'ca'>): Promise<TlsFront> {
  const f = await tlsFront({ ...opts, ca: b.ca })
  fronts.push(f)
  return f
}

const imapAt = (port: number): IncomingServer => ({ protocol: 'imap', host: '127.0.0.1', port, security: 'tls' })
const smtpAt = (port: number): Server => ({ host: '127.0.0.1', port, security: 'tls' })

/** A test of the bed through the fronts, as an account with these office options (the bed's CA trusted). */
async function run(
  servers: { incoming?: IncomingServer; outgoing?: Server },
  settings: ConnectionSettings = DIRECT_CONNECTION,
): Promise<{ incoming?: ProbeReport; outgoing?: ProbeReport }> {
  const login = { username: alice.address, password: alice.appPassword }
  const office: OfficeOptions = { settings }
  const { report } = await testServers(
    { ...sameLogin(alice.address, login, servers), office },
    { connection: { trust: { ca: b.ca }, timeouts: DEFAULT_TIMEOUTS }, providerId: null },
  )
  return report
}

describe('minimum TLS version per server', () => {
  it('a TLS-1.1-only server: tls_version_unsupported naming 1.1, and a fix for that server alone that works', async () => {
    const old = await front({
      cert: b.certs.server,
      upstreamPort: b.ports.imaps,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
    })
    const server = imapAt(old.port)
    const before = await run({ incoming: server })
    expect(before.incoming).toMatchObject({
      ok: false,
      cause: 'tls_version_unsupported',
      failedStage: 'tls',
      title: 'The server only speaks up to TLS 1.1',
      fix: { kind: 'allow-tls-version', host: '127.0.0.1', port: old.port, version: '1.1' },
    })
    expect(before.incoming?.explanation).toContain('outdated')
    const fix = before.incoming?.fix
    if (fix?.kind !== 'allow-tls-version') throw new Error('no fix')
    // the one-click fix: this server's minimum only
    const after = await run({ incoming: server }, withMinTls(DIRECT_CONNECTION, fix, fix.version))
    expect(after.incoming).toMatchObject({ ok: true })
    expect(old.versions.at(-1)).toBe('TLSv1.1')
  })

  it('TLS 1.3 only, against a server that stops at 1.2: named as such, the fix allows 1.2; other servers unaffected', async () => {
    const twelve = await front({ cert: b.certs.server, upstreamPort: b.ports.smtps, maxVersion: 'TLSv1.2' })
    const settings = withMinTls(withMinTls(DIRECT_CONNECTION, smtpAt(twelve.port), '1.3'), b.imaps, '1.3')
    const report = await run({ incoming: b.imaps, outgoing: smtpAt(twelve.port) }, settings)
    expect(report.incoming?.ok).toBe(true)
    expect(report.outgoing).toMatchObject({
      ok: false,
      cause: 'tls_version_unsupported',
      title: 'The server only speaks TLS 1.2',
      fix: { kind: 'allow-tls-version', version: '1.2', port: twelve.port },
    })
    // distinct from the TLS mode: nothing says "switch to STARTTLS"
    expect(report.outgoing?.cause).not.toBe('tls_mode_mismatch')
  })
})

describe('trust a certificate by its key, never by switching checks off', () => {
  it('self-signed: untrusted and offered for pinning; pinned it passes a full handshake; swapped it stops', async () => {
    const self = await front({ cert: b.certs.selfSigned, upstreamPort: b.ports.imaps })
    const smtp = await front({ cert: b.certs.selfSigned, upstreamPort: b.ports.smtps })
    const servers = { incoming: imapAt(self.port), outgoing: smtpAt(smtp.port) }
    const first = await run(servers)
    for (const r of [first.incoming, first.outgoing]) {
      expect(r).toMatchObject({ ok: false, cause: 'certificate_untrusted', canTrust: true })
      expect(r?.certificate?.spki).toMatch(/^sha256\/[A-Za-z0-9+/]{43}=$/)
      expect(r?.certificate?.anchor).toContain('BEGIN CERTIFICATE')
    }
    const cert = first.incoming?.certificate
    if (!cert?.anchor) throw new Error('no certificate')
    const pinned = [self.port, smtp.port].reduce(
      (s, port) =>
        withPin(s, { host: '127.0.0.1', port, spki: cert.spki, anchor: cert.anchor ?? null, subject: cert.subject }),
      DIRECT_CONNECTION,
    )
    const second = await run(servers, pinned)
    expect(second.incoming).toMatchObject({ ok: true })
    expect(second.outgoing).toMatchObject({ ok: true })

    // the server now shows another self-signed certificate (a new key): stop, and say both keys
    await Promise.all(fronts.map((f) => f.close()))
    fronts = []
    const swapped = selfSignedLeaf(dir, 'swapped')
    const other = await front({ cert: swapped, upstreamPort: b.ports.imaps })
    const third = await run(
      { incoming: imapAt(other.port) },
      withPin(DIRECT_CONNECTION, {
        host: '127.0.0.1',
        port: other.port,
        spki: cert.spki,
        anchor: cert.anchor,
        subject: cert.subject,
      }),
    )
    expect(third.incoming).toMatchObject({
      ok: false,
      cause: 'certificate_untrusted',
      title: `The certificate of 127.0.0.1:${other.port} changed`,
    })
    expect(third.incoming?.explanation).toContain(cert.spki)
    expect(third.incoming?.explanation).toMatch(/It now presents sha256\/[A-Za-z0-9+/]{43}=/)
    expect(third.incoming?.canTrust).toBeUndefined()
  })

  it('a valid certificate for another name: offered, and pinned it passes; a pin on a CA-valid server that changed stops it', async () => {
    const wrongName = await front({ cert: b.certs.wrongHost, upstreamPort: b.ports.imaps })
    const first = await run({ incoming: imapAt(wrongName.port) })
    expect(first.incoming).toMatchObject({ ok: false, cause: 'certificate_hostname_mismatch', canTrust: true })
    const cert = first.incoming?.certificate
    if (!cert) throw new Error('no certificate')
    expect(cert.anchor).toBeUndefined()
    const pin = { host: '127.0.0.1', port: wrongName.port, spki: cert.spki, anchor: null, subject: cert.subject }
    expect((await run({ incoming: imapAt(wrongName.port) }, withPin(DIRECT_CONNECTION, pin))).incoming?.ok).toBe(true)
    // the bed's own (valid) certificate on a port pinned to another key: changed
    const wrongPin = { ...pin, port: b.ports.imaps }
    const changed = await run({ incoming: b.imaps }, withPin(DIRECT_CONNECTION, wrongPin))
    expect(changed.incoming).toMatchObject({
      ok: false,
      cause: 'certificate_untrusted',
      title: `The certificate of 127.0.0.1:${b.ports.imaps} changed`,
    })
  })

  it('not offered for a known provider (their certificates rotate)', async () => {
    const self = await front({ cert: b.certs.selfSigned, upstreamPort: b.ports.imaps })
    const login = { username: alice.address, password: alice.appPassword }
    const { report } = await testServers(sameLogin(alice.address, login, { incoming: imapAt(self.port) }), {
      connection: { trust: { ca: b.ca }, timeouts: DEFAULT_TIMEOUTS },
      providerId: 'gmail',
    })
    expect(report.incoming).toMatchObject({ ok: false, cause: 'certificate_untrusted' })
    expect(report.incoming?.canTrust).toBeUndefined()
  })
})

describe('an office CA for a TLS-inspecting firewall', () => {
  it('untrusted (and not pinnable: the firewall does not send its CA) until the CA is imported', async () => {
    const office = officePki(dir)
    const firewall = await front({ cert: office.leaf, upstreamPort: b.ports.smtps })
    const before = await run({ outgoing: smtpAt(firewall.port) })
    expect(before.outgoing).toMatchObject({ ok: false, cause: 'certificate_untrusted' })
    expect(before.outgoing?.canTrust).toBeUndefined()
    const ca = { pem: office.ca, subject: 'CN=Office Firewall CA', fingerprint256: 'AA:'.repeat(31) + 'AA' }
    const after = await run({ outgoing: smtpAt(firewall.port) }, { ...DIRECT_CONNECTION, cas: [ca] })
    expect(after.outgoing).toMatchObject({ ok: true })
  })
})
