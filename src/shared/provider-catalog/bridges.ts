import type { Provider } from '../providers.js'

/**
 * Proton Mail: its end-to-end encrypted mailboxes reach mail apps only through Proton Mail Bridge, a
 * program on the user's own computer serving IMAP and SMTP on loopback with STARTTLS and a certificate
 * of its own (self-signed: trust it by its fingerprint, never by switching checks off). Bridge takes the
 * next free port when 1143 or 1025 is taken, so the ports it shows win.
 */
const BRIDGE_DEFAULTS =
  'https://github.com/ProtonMail/proton-bridge/blob/dbef40cfc5b397bd612c68b466ea5657ced43012/internal/vault/types_settings.go#L80-L89'

export const BRIDGES: readonly Provider[] = [
  {
    id: 'proton-bridge',
    name: 'Proton Mail (Bridge)',
    domains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
    // customers' own domains receive at mail.protonmail.ch and mailsec.protonmail.ch
    mxSuffixes: ['protonmail.ch'],
    incoming: { imap: { host: '127.0.0.1', port: 1143, security: 'starttls' } },
    outgoing: [{ host: '127.0.0.1', port: 1025, security: 'starttls' }],
    helpUrl: 'https://proton.me/support/macos-certificate-warning',
    signIn: 'password',
    kind: 'bridge',
    note: 'Install and sign in to Proton Mail Bridge first; use the password Bridge shows for this mailbox, not your Proton password.',
    sources: { servers: BRIDGE_DEFAULTS, mx: 'https://mxrecordchecker.com/resources/protonmail-mx-records' },
  },
]
