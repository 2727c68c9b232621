import { inject } from 'vitest'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import type { BedInfo } from '../bed/index.js'

/** The bed started by the global setup, with shorthands for its servers. */
export function bed(): BedInfo & {
  imaps: IncomingServer
  imapStarttls: IncomingServer
  pop3s: IncomingServer
  pop3Stls: IncomingServer
  smtps: Server
  submission: Server
} {
  const info = inject('bed')
  const h = info.host
  return {
    ...info,
    imaps: { protocol: 'imap', host: h, port: info.ports.imaps, security: 'tls' },
    // 127.0.0.2: Dovecot treats 127.0.0.1→127.0.0.1 as "secured" and would accept plaintext LOGIN
    imapStarttls: { protocol: 'imap', host: '127.0.0.2', port: info.ports.imap, security: 'starttls' },
    pop3s: { protocol: 'pop3', host: h, port: info.ports.pop3s, security: 'tls' },
    pop3Stls: { protocol: 'pop3', host: '127.0.0.2', port: info.ports.pop3, security: 'starttls' },
    smtps: { host: h, port: info.ports.smtps, security: 'tls' },
    submission: { host: h, port: info.ports.submission, security: 'starttls' },
  }
}
