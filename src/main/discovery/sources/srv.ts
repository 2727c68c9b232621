import { isValidHost, type IncomingProtocol, type IncomingServer, type Server } from '../../../shared/mail.js'
import type { TlsMode } from '../../../shared/ports.js'
import { LookupError } from '../lookup-error.js'
import type { SrvRecord } from '../net/dns.js'
import type { Candidate, Source } from '../types.js'

/**
 * SRV records for mail (RFC 6186; RFC 8314 §5.1 adds `_submissions` and says prefer implicit TLS): all
 * six names are asked at once. Within a name, records go by priority (lowest first), then weight
 * (highest first: the deterministic reading of RFC 2782's weighted choice); a target of "." means the
 * domain decidedly does not offer the service (RFC 2782). Incoming prefers IMAP over POP3 (RFC 6186
 * §3.4) and implicit TLS over STARTTLS.
 */
interface Service {
  label: string
  protocol: IncomingProtocol | 'smtp'
  security: TlsMode
}

const SERVICES: readonly Service[] = [
  { label: '_imaps._tcp', protocol: 'imap', security: 'tls' },
  { label: '_imap._tcp', protocol: 'imap', security: 'starttls' },
  { label: '_pop3s._tcp', protocol: 'pop3', security: 'tls' },
  { label: '_pop3._tcp', protocol: 'pop3', security: 'starttls' },
  { label: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
  { label: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
]

function ordered(records: readonly SrvRecord[]): SrvRecord[] {
  return [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight)
}

export const srvSource: Source = {
  id: 'srv',
  async run({ address, net, signal }) {
    const answers = await Promise.allSettled(SERVICES.map((s) => net.dns.srv(`${s.label}.${address.domain}`, signal)))
    const incoming: Candidate<IncomingServer>[] = []
    const outgoing: Candidate<Server>[] = []
    const notes: string[] = []
    const refused = new Map<string, number>()
    answers.forEach((answer, i) => {
      const service = SERVICES[i]
      if (!service || answer.status !== 'fulfilled') return
      const name = `${service.label}.${address.domain}`
      for (const record of ordered(answer.value)) {
        const host = record.name.toLowerCase().replace(/\.$/, '')
        if (host === '') {
          notes.push(`${name}: "." (not offered)`)
          refused.set(service.protocol, (refused.get(service.protocol) ?? 0) + 1)
          break
        }
        if (!isValidHost(host) || record.port < 1) continue
        const via = `SRV ${name}`
        const server = { host, port: record.port, security: service.security }
        if (service.protocol === 'smtp') outgoing.push({ server, username: address.address, via })
        else incoming.push({ server: { protocol: service.protocol, ...server }, username: address.address, via })
      }
    })
    // a protocol is "not offered" when both of its names (TLS and STARTTLS) say "."
    const notOffered = (['imap', 'pop3', 'smtp'] as const).filter((p) => refused.get(p) === 2)
    if (incoming.length === 0 && outgoing.length === 0 && notOffered.length === 0) {
      if (answers.every((a) => a.status === 'rejected')) {
        const first = answers[0]
        throw first?.status === 'rejected' && first.reason instanceof LookupError
          ? first.reason
          : new LookupError('failed', 'SRV lookups failed')
      }
      throw new LookupError(
        'nothing',
        notes.length ? notes.join('; ') : `no mail SRV records for ${address.shown ?? address.domain}`,
      )
    }
    const detail = [`${incoming.length} incoming, ${outgoing.length} outgoing`, ...notes].join('; ')
    return { incoming, outgoing, ...(notOffered.length ? { notOffered } : {}), detail }
  },
}
