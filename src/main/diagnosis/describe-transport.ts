import type { Cause, Fix } from '../../shared/diagnosis.js'
import type { AccessCause } from './describe-access.js'
import type { OAuthCause } from './describe-oauth.js'
import type { DescribeContext, Describer, Description } from './describe-context.js'
import type { OfficeCause } from './describe-office.js'
import { certificateSummary } from './certificate.js'
import { describeUnknown } from './describe-unknown.js'
import { SECURITY_LABEL, switchFix } from './fixes.js'
import { IMPLICIT_TLS_PORTS, standardPort } from '../../shared/ports.js'
import { otherMode, portInText } from './port-hints.js'
import { TLS_TO_PLAINTEXT } from './rules/tls.js'

export type TransportCause = Exclude<Cause, AccessCause | OAuthCause | OfficeCause>

/** "the server at x" → "The server at x": only the article is capitalised, never a host name. */
function capitalizeFirst(phrase: string): string {
  return phrase.startsWith('the ') ? `T${phrase.slice(1)}` : phrase
}

/** A label at the start of a title: "no encryption" → "No encryption" (SSL/TLS and STARTTLS stay as they are). */
function sentenceStart(label: string): string {
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`
}

/** The certificate's facts after the explanation, when the probe captured them. */
function withCertificate(ctx: DescribeContext, explanation: string): string {
  return ctx.input.certificate ? `${explanation} ${certificateSummary(ctx.input.certificate)}` : explanation
}

function tlsModeMismatch(ctx: DescribeContext): Description {
  const { protocol, text } = ctx.input
  const port = ctx.input.port ?? portInText(text)
  // A pasted "wrong version number" says TLS was in use even when no settings came with it
  const security = ctx.input.security ?? (TLS_TO_PLAINTEXT.test(text) ? 'tls' : undefined)
  const target = otherMode(port, security, protocol)
  const title =
    port === undefined
      ? 'The encryption setting does not match the port'
      : target.port === port
        ? `Port ${port} needs ${SECURITY_LABEL[target.security]}`
        : `${sentenceStart(SECURITY_LABEL[security ?? 'tls'])} does not work on port ${port}`
  return {
    title,
    explanation:
      'The encryption setting does not match the port: 465, 993 and 995 use SSL/TLS from the start; 587, 143 and 110 start unencrypted and switch with STARTTLS.',
    fix: switchFix(target),
  }
}

function starttlsRequired(ctx: DescribeContext): Description {
  const { port, protocol } = ctx.input
  const samePort = port !== undefined && !IMPLICIT_TLS_PORTS.has(port)
  return {
    title: 'The server requires an encrypted connection',
    explanation:
      'The server refuses passwords over an unencrypted connection, and rightly so. Turn on STARTTLS (or use SSL/TLS on the secure port).',
    fix: switchFix({ port: samePort ? port : standardPort(protocol, 'starttls'), security: 'starttls' }),
  }
}

/**
 * Port 25 is for server-to-server mail and often offers no AUTH at all: the submission port is the fix.
 * Unencrypted, servers hide AUTH until TLS is up (Exim, Gmail): implicit TLS is. Already encrypted, the
 * server really offers nothing Mailkey can use (Exchange with NTLM only): only its admin can change that.
 */
function authMechanismFix(ctx: DescribeContext): Fix {
  const { port, security, protocol } = ctx.input
  if (port === 25) return switchFix({ port: 587, security: 'starttls' })
  if (security === 'tls' || security === 'starttls') {
    return { kind: 'contact-admin', label: 'Ask your provider which sign-in method the server accepts' }
  }
  // Office 365 offers AUTH only after STARTTLS on 587 and has no implicit-TLS submission port
  if (ctx.family === 'microsoft') return switchFix({ port: 587, security: 'starttls' })
  return switchFix({ port: standardPort(protocol, 'tls'), security: 'tls' })
}

function connectionTimeout(ctx: DescribeContext): Fix {
  const { protocol } = ctx.input
  const port = ctx.input.port ?? portInText(ctx.input.text)
  return protocol === 'smtp' && port !== 465
    ? switchFix({ port: 465, security: 'tls' })
    : { kind: 'check-settings', field: 'host', label: 'Check the server name and your network' }
}

export const TRANSPORT_DESCRIBERS: Record<TransportCause, Describer> = {
  tls_mode_mismatch: tlsModeMismatch,
  starttls_required: starttlsRequired,
  certificate_untrusted: (ctx) => ({
    title: 'The server’s certificate is not trusted',
    explanation: withCertificate(
      ctx,
      `The certificate presented by ${ctx.server} is vouched for by no trusted authority (it is self-signed, from a private CA, or missing its intermediate certificate). Antivirus mail scanning and company proxies put their own certificate in the way; switch that scanning off if you use it. Otherwise only the server’s administrator can fix it, by installing a certificate from a public authority with its full chain.`,
    ),
    fix: { kind: 'contact-admin', label: 'Ask the server’s administrator for a trusted certificate' },
  }),
  certificate_hostname_mismatch: (ctx) => {
    const names = ctx.input.certificate?.altNames ?? []
    return {
      title: 'The certificate is for a different server name',
      explanation: withCertificate(
        ctx,
        `The certificate does not name ${ctx.input.host ?? 'this server'}${names.length ? `; it is for ${names.slice(0, 3).join(', ')}` : ''}. Use the server name your provider documents (often the one on the certificate), not an IP address or an alias.`,
      ),
      fix: { kind: 'check-settings', field: 'host', label: 'Use the server name on the certificate' },
    }
  },
  certificate_expired: (ctx) => ({
    title: 'The server’s certificate has expired',
    explanation: withCertificate(
      ctx,
      `The certificate${ctx.input.certificate ? ` expired on ${ctx.input.certificate.validTo.slice(0, 10)}` : ' is out of date'}. The provider must renew it; also check that this computer’s date and time are right.`,
    ),
    fix: { kind: 'contact-admin', label: 'Tell your provider the certificate has expired' },
  }),
  connection_refused: (ctx) => ({
    title: `Nothing answers at ${ctx.input.host ? `${ctx.input.host}${ctx.input.port ? ` port ${ctx.input.port}` : ''}` : 'the server'}`,
    explanation:
      'The server turned the connection away: the port is probably wrong, or the service is not running there.',
    fix: { kind: 'check-settings', field: 'port', label: 'Check the server name and port' },
  }),
  connection_timeout: (ctx) => ({
    title: `${capitalizeFirst(ctx.server)} did not respond in time`,
    explanation:
      'No answer came back. A firewall, VPN or internet provider may block this port (port 25 and 587 often are), or the server name points to the wrong place.',
    fix: connectionTimeout(ctx),
  }),
  dns_not_found: (ctx) => ({
    title: `The server name ${ctx.input.host ? `“${ctx.input.host}” ` : ''}does not exist`,
    explanation: 'The name could not be found. Check it for typos, and check that this computer is online.',
    fix: { kind: 'check-settings', field: 'host', label: 'Check the server name' },
  }),
  connection_reset: () => ({
    title: 'The server hung up unexpectedly',
    explanation:
      'The connection was closed in the middle of the conversation. This can be a network problem, a wrong encryption setting for the port, or a security setting the server does not accept.',
    fix: { kind: 'retry-later', label: 'Try again' },
  }),
  relay_denied: () => ({
    title: 'The server refuses to pass this mail on',
    explanation:
      'The outgoing server only relays mail for signed-in users of its own domains. Sign in to send, or use your provider’s outgoing server.',
    fix: { kind: 'check-settings', field: 'host', label: 'Check the outgoing server' },
  }),
  auth_mechanism_unsupported: (ctx) => ({
    title: 'The server does not accept this way of signing in',
    explanation:
      'The server offers no password sign-in that Mailkey may use on this connection. Many servers only offer it after encryption is on, or only on the submission port; some accept only OAuth or Windows sign-in.',
    fix: authMechanismFix(ctx),
  }),
  server_unavailable: (ctx) => ({
    title: `${ctx.name} is temporarily unavailable`,
    explanation:
      'The server is busy or down for maintenance. Nothing is wrong with your settings; try again in a few minutes.',
    fix: { kind: 'retry-later', label: 'Try again in a few minutes' },
  }),
  unknown: describeUnknown,
}
