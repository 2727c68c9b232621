import type { Protocol, Security } from '../../shared/mail.js'
import { IMPLICIT_TLS_PORTS, STARTTLS_PORTS, standardPort } from '../../shared/ports.js'

export interface Endpoint {
  port: number
  security: Security
}

/**
 * The setting to try when the TLS mode did not work on a port. A standard port used with the wrong mode
 * keeps the port and takes its mode; a standard port already used with its own mode (the server does not
 * speak it) moves to the protocol's other standard port; an unusual port keeps the port and flips the mode.
 */
export function otherMode(port: number | undefined, security: Security | undefined, protocol?: Protocol): Endpoint {
  if (port === undefined) {
    return security === 'tls'
      ? { port: standardPort(protocol, 'starttls'), security: 'starttls' }
      : { port: standardPort(protocol, 'tls'), security: 'tls' }
  }
  if (IMPLICIT_TLS_PORTS.has(port)) {
    return security === 'tls'
      ? { port: standardPort(protocol, 'starttls'), security: 'starttls' }
      : { port, security: 'tls' }
  }
  if (STARTTLS_PORTS.has(port)) {
    return security === 'tls'
      ? { port, security: 'starttls' }
      : { port: standardPort(protocol, 'tls'), security: 'tls' }
  }
  if (security !== undefined) return { port, security: security === 'tls' ? 'starttls' : 'tls' }
  return { port, security: 'tls' }
}

/**
 * Where pasted errors name a port: after a host or address ("connect ETIMEDOUT 52.96.184.50:465",
 * "ssl://smtp.gmail.com:465"), as a word ("port: 587", "Port 110", "port=465", "端口 465"), or as the
 * argument after a quoted host in a traceback (`smtplib.SMTP('smtp.gmail.com', 465)`).
 */
const PORT_PATTERNS: readonly RegExp[] = [
  /(?:\b(?:\d{1,3}\.){3}\d{1,3}|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}|\])\s?:(\d{2,5})\b/i,
  /\bport\s*(?:[:=]\s*)?(\d{2,5})\b/i,
  /['"][a-z0-9-]+(?:\.[a-z0-9-]+)+['"]\s*,\s*(?:port\s*=\s*)?(\d{2,5})\s*[,)]/i,
  /端口\s*(\d{2,5})/,
]

/** The port a pasted error names, so the diagnosis can use it as evidence and the fix does not repeat it. */
export function portInText(text: string): number | undefined {
  for (const pattern of PORT_PATTERNS) {
    const n = Number(pattern.exec(text)?.[1])
    if (Number.isInteger(n) && n > 0 && n < 65536) return n
  }
  return undefined
}
