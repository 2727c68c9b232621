import { describe, expect, it } from 'vitest'
import type { AppError } from '../../src/main/app-error.js'
import { HostConfirmations } from '../../src/main/discovery/host-confirmations.js'
import { judgeHost } from '../../src/main/discovery/trust.js'
import type { Finding } from '../../src/main/discovery/types.js'
import { parseDiscoveryAddress, type DiscoveryAddress } from '../../src/shared/discovery-address.js'
import { PRESETS } from '../../src/shared/providers.js'

const office = parseDiscoveryAddress('ann@office.example.co.uk') as DiscoveryAddress
const empty: Finding = { incoming: [], outgoing: [] }

describe('which hosts get a password without asking', () => {
  it.each([
    ['mail.office.example.co.uk', 'srv', empty, true],
    ['imap.example.co.uk', 'autoconfig', empty, true], // same registrable domain
    ['imap.gmail.com', 'autoconfig', empty, true], // a catalog provider's server
    ['ssl0.ovh.net', 'srv', empty, true],
    ['mail.hoster.example', 'autoconfig', empty, false],
    ['mail.hoster.example', 'srv', empty, false],
    ['mail.hoster.example', 'mx', { ...empty, names: ['hoster.example'] }, true], // the MX host's domain
    ['mail.hoster.example', 'ispdb', empty, true], // Thunderbird's curated database
    ['mail.hoster.example', 'preset', empty, true],
    ['evil.amazonaws.com', 'autoconfig', empty, false], // a provider's base domain proves nothing
    ['127.0.0.1', 'autoconfig', empty, false], // nor does a preset's IP (Proton Bridge)
    // a domain's own file that lists another domain (<domain>attacker.example</domain>) vouches for nothing
    ['imap.attacker.example', 'autoconfig', { ...empty, names: ['attacker.example'] }, false],
    ['imap.attacker.example', 'srv', { ...empty, names: ['attacker.example'] }, false],
  ] as const)('%s from %s → trusted %s', (host, source, finding, trusted) => {
    expect(judgeHost(host, source, finding, office, PRESETS).trusted).toBe(trusted)
  })

  it('plain HTTP needs confirming even for the domain’s own host, and says why', () => {
    const v = judgeHost('mail.office.example.co.uk', 'autoconfig', { ...empty, overHttp: true }, office, PRESETS)
    expect(v).toMatchObject({ trusted: false, caution: expect.stringMatching(/plain HTTP/) })
  })

  it('the caution names the host, the domain and where the setting came from', () => {
    const v = judgeHost('mail.hoster.example', 'srv', empty, office, PRESETS)
    expect(!v.trusted && v.caution).toMatch(
      /^mail\.hoster\.example is not part of office\.example\.co\.uk.*SRV records/,
    )
  })
})

describe('the trust gate (main-side)', () => {
  const found = (host: string, trusted: boolean) => ({
    server: { protocol: 'imap' as const, host, port: 993, security: 'tls' as const },
    username: 'u',
    source: 'srv' as const,
    trusted,
    via: 'SRV',
    ...(trusted ? {} : { caution: `${host} is not part of office` }),
  })

  it('refuses a flagged host until the user confirms it, for that address only', () => {
    const gate = new HostConfirmations()
    gate.remember('Ann@Office.example.co.uk', {
      incoming: [found('mail.hoster.example', false)],
      outgoing: [found('smtp.office.example.co.uk', true)],
    })
    expect(() =>
      gate.check('ann@office.example.co.uk', ['mail.hoster.example', 'smtp.office.example.co.uk']),
    ).toThrowError(
      expect.objectContaining({
        code: 'CONFIRM_HOST',
        message: expect.stringMatching(/^Confirm mail\.hoster\.example before/),
      }) as AppError,
    )
    expect(() => gate.check('ann@office.example.co.uk', ['smtp.office.example.co.uk'])).not.toThrow()
    expect(() => gate.check('bob@office.example.co.uk', ['mail.hoster.example'])).not.toThrow()
    gate.confirm('ann@office.example.co.uk', 'MAIL.hoster.example')
    expect(gate.pending('ann@office.example.co.uk', ['mail.hoster.example'])).toEqual([])
  })

  it('a new discovery for the address replaces the old cautions', () => {
    const gate = new HostConfirmations()
    gate.remember('ann@x.example', { incoming: [found('a.elsewhere.example', false)], outgoing: [] })
    gate.remember('ann@x.example', { incoming: [found('imap.x.example', true)], outgoing: [] })
    expect(gate.pending('ann@x.example', ['a.elsewhere.example'])).toEqual([])
  })
})
