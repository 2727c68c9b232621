import type { AutoconfigServer, Reply, Routes } from './autoconfig-server.js'
import type { Zone } from './dns-server.js'
import type { BedInfo } from './index.js'

/**
 * The discovery test zone: DNS records and web files for one domain per case, all pointing into
 * 127.0.0.0/8 at the bed's real servers. Mail ports are the bed's (a port map moves the standard
 * ones); SRV records carry the bed's ports themselves, as SRV can.
 */

interface XmlServer {
  type: 'imap' | 'pop3' | 'smtp'
  host: string
  port: number
  socket: 'SSL' | 'STARTTLS' | 'plain'
  username?: string
  auth?: string[]
}

/** A config-v1.1.xml file (Thunderbird's autoconfig format). */
export function configXml(id: string, domains: readonly string[], servers: readonly XmlServer[], name = id): string {
  const server = (s: XmlServer): string => {
    const tag = s.type === 'smtp' ? 'outgoingServer' : 'incomingServer'
    const auth = (s.auth ?? ['password-cleartext']).map((a) => `      <authentication>${a}</authentication>`).join('\n')
    return [
      `    <${tag} type="${s.type}">`,
      `      <hostname>${s.host}</hostname>`,
      `      <port>${s.port}</port>`,
      `      <socketType>${s.socket}</socketType>`,
      `      <username>${s.username ?? '%EMAILADDRESS%'}</username>`,
      auth,
      `    </${tag}>`,
    ].join('\n')
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<clientConfig version="1.1">',
    `  <emailProvider id="${id}">`,
    ...domains.map((d) => `    <domain>${d}</domain>`),
    `    <displayName>${name}</displayName>`,
    ...servers.map(server),
    '  </emailProvider>',
    '</clientConfig>',
  ].join('\n')
}

const LOOPBACK = ['127.0.0.1']
const AUTOCONFIG_PATH = '/mail/config-v1.1.xml'
const WELL_KNOWN_PATH = '/.well-known/autoconfig/mail/config-v1.1.xml'

export interface DiscoveryZone {
  zone: Zone
  blackHoles: string[]
  routes: Routes
}

function ok(body: string): Reply {
  return { status: 200, body }
}

export function discoveryZone(bed: BedInfo): DiscoveryZone {
  const p = bed.ports
  const mailOf = (d: string): XmlServer[] => [
    { type: 'imap', host: `mail.${d}`, port: p.imaps, socket: 'SSL' },
    { type: 'smtp', host: `mail.${d}`, port: p.submission, socket: 'STARTTLS' },
  ]
  const zone: Zone = {
    'autoconfig.published.test': { A: LOOPBACK },
    'mail.published.test': { A: LOOPBACK },
    'wellknown.test': { A: LOOPBACK },
    'mail.wellknown.test': { A: LOOPBACK },
    'autoconfig.plainhttp.test': { A: LOOPBACK },
    'mail.plainhttp.test': { A: LOOPBACK },
    'autoconfig.elsewhere.test': { A: LOOPBACK },
    'workspace.test': { MX: [{ exchange: 'smtp.google.com', priority: 1 }] },
    'workspace-legacy.test': {
      MX: [
        { exchange: 'aspmx.l.google.com', priority: 1 },
        { exchange: 'alt1.aspmx.l.google.com', priority: 5 },
      ],
    },
    'm365.test': { MX: [{ exchange: 'm365-test.mail.protection.outlook.com', priority: 0 }] },
    'm365new.test': { MX: [{ exchange: 'm365new-test.a1b2c3d.mx.microsoft', priority: 0 }] },
    'hosted.test': { MX: [{ exchange: 'mx1.mail.hostco.test', priority: 10 }] },
    'imap.hostco.test': { A: LOOPBACK },
    'smtp.hostco.test': { A: LOOPBACK },
    '_imaps._tcp.srvonly.test': { SRV: [{ target: 'mail.srvonly.test', port: p.imaps, priority: 0, weight: 1 }] },
    '_imap._tcp.srvonly.test': { SRV: [{ target: 'mail.srvonly.test', port: p.imap, priority: 0, weight: 1 }] },
    '_submission._tcp.srvonly.test': {
      SRV: [
        { target: 'backup.srvonly.test', port: p.submission, priority: 20, weight: 1 },
        { target: 'mail.srvonly.test', port: p.submission, priority: 10, weight: 1 },
      ],
    },
    'mail.srvonly.test': { A: LOOPBACK },
    // SRV naming a host outside the domain: offered only once the user confirms it
    '_imaps._tcp.srvaway.test': { SRV: [{ target: 'imap.hostco.test', port: p.imaps }] },
    '_submission._tcp.srvaway.test': { SRV: [{ target: 'smtp.hostco.test', port: p.submission }] },
    'backup.srvonly.test': { A: LOOPBACK },
    '_imaps._tcp.srvdot.test': { SRV: [{ target: '.', port: 0 }] },
    '_imap._tcp.srvdot.test': { SRV: [{ target: '.', port: 0 }] },
    '_submissions._tcp.srvdot.test': { SRV: [{ target: 'mail.srvdot.test', port: p.smtps }] },
    'mail.srvdot.test': { A: LOOPBACK },
    'guess.test': { A: LOOPBACK },
    'imap.guess.test': { A: LOOPBACK },
    'mail.guess.test': { A: LOOPBACK },
    'smtp.guess.test': { A: LOOPBACK },
    'autoconfig.badxml.test': { A: LOOPBACK },
    'autoconfig.bigxml.test': { A: LOOPBACK },
    'autoconfig.redirect.test': { A: LOOPBACK },
    'autoconfig.xn--bcher-kva.test': { A: LOOPBACK },
    'mail.xn--bcher-kva.test': { A: LOOPBACK },
  }
  const files: Record<string, Reply> = {
    'https://autoconfig.published.test/mail/config-v1.1.xml': ok(
      configXml(
        'published.test',
        ['published.test'],
        [
          { ...mailOf('published.test')[0], username: '%EMAILLOCALPART%' },
          { type: 'pop3', host: 'mail.published.test', port: p.pop3s, socket: 'SSL' },
          { type: 'imap', host: 'legacy.published.test', port: 143, socket: 'plain' },
          mailOf('published.test')[1],
        ],
        'Published Mail',
      ),
    ),
    [`https://wellknown.test${WELL_KNOWN_PATH}`]: ok(
      configXml('wellknown.test', ['wellknown.test'], mailOf('wellknown.test')),
    ),
    [`http://autoconfig.plainhttp.test${AUTOCONFIG_PATH}`]: ok(
      configXml('plainhttp.test', ['plainhttp.test'], mailOf('plainhttp.test')),
    ),
    [`https://autoconfig.elsewhere.test${AUTOCONFIG_PATH}`]: ok(
      configXml('elsewhere.test', ['elsewhere.test'], mailOf('hostco.test')),
    ),
    [`https://autoconfig.badxml.test${AUTOCONFIG_PATH}`]: ok(
      '<clientConfig><emailProvider><incomingServer type="imap"></clientConfig>',
    ),
    [`https://autoconfig.bigxml.test${AUTOCONFIG_PATH}`]: ok(
      `<clientConfig>${'<!-- padding -->'.repeat(20_000)}</clientConfig>`,
    ),
    [`https://autoconfig.redirect.test${AUTOCONFIG_PATH}`]: {
      status: 302,
      headers: { location: 'https://evil.test/mail/config-v1.1.xml' },
    },
    [`https://autoconfig.xn--bcher-kva.test${AUTOCONFIG_PATH}`]: ok(
      configXml('xn--bcher-kva.test', ['xn--bcher-kva.test'], mailOf('xn--bcher-kva.test')),
    ),
    // the provider database mirror (ISPDB), at https://127.0.0.1:<port>/v1.1/<domain>
    'https://127.0.0.1/v1.1/hostco.test': ok(
      configXml(
        'hostco.test',
        ['hostco.test'],
        [
          { type: 'imap', host: 'imap.hostco.test', port: p.imaps, socket: 'SSL' },
          { type: 'smtp', host: 'smtp.hostco.test', port: p.smtps, socket: 'SSL' },
        ],
        'HostCo Mail',
      ),
    ),
    'https://127.0.0.1/v1.1/blackhole.test': 'hang',
    // an office's own mirror of the provider database (the app setting), which knows one more domain
    'https://127.0.0.1/office-mirror/mirrored.test': ok(
      configXml(
        'mirrored.test',
        ['mirrored.test'],
        [
          { type: 'imap', host: 'imap.mirrored.test', port: p.imaps, socket: 'SSL' },
          { type: 'smtp', host: 'smtp.mirrored.test', port: p.smtps, socket: 'SSL' },
        ],
        'Mirrored Mail',
      ),
    ),
  }
  return {
    zone,
    blackHoles: ['blackhole.test'],
    routes: (scheme, host, path) => files[`${scheme}://${host}${path}`],
  }
}

/** The ports discovery must use to reach the zone's web and mail servers (the standard ones are taken). */
export function zonePorts(bed: BedInfo, web: AutoconfigServer) {
  return {
    https: web.httpsPort,
    http: web.httpPort,
    mail: {
      imap: { tls: bed.ports.imaps, starttls: bed.ports.imap },
      smtp: { tls: bed.ports.smtps, starttls: bed.ports.submission },
    },
  }
}

/** The provider database mirror's base URL on the zone's web server. */
export function zoneIspdb(web: AutoconfigServer): string {
  return `https://127.0.0.1:${web.httpsPort}/v1.1/`
}
