import { DEFAULT_MIN_TLS, isLegacyTls, TLS_VERSIONS, type TlsVersion } from '../../shared/tls-versions.js'
import type { Cause, Fix } from '../../shared/diagnosis.js'
import type { DescribeContext, Describer, Description } from './describe-context.js'
import type { DiagnosisInput } from './input.js'

export type OfficeCause = Extract<Cause, 'proxy_failed' | 'tls_version_unsupported'>

/** Which step of going through the proxy failed: Mailkey's own code, else the words of the text. */
function proxyStep(input: DiagnosisInput): 'connect' | 'auth' | 'target' | 'other' {
  const c = input.code ?? ''
  if (c === 'EPROXY_CONNECT') return 'connect'
  if (c === 'EPROXY_AUTH') return 'auth'
  if (c === 'EPROXY_TARGET') return 'target'
  const t = `${input.text}\n${input.message ?? ''}`
  if (/Authentication|\b40[17]\b|rejected by the SOCKS5 server|AuthError|wants a|asks for a user/i.test(t))
    return 'auth'
  if (
    /rejected connection|not allowed|unreachable|ConnectionRefused|HostUnreachable|SOCKS5Error: 0x0[2-8]|\b403\b|\b50[0234]\b|could not connect to|Unable to connect/i.test(
      t,
    )
  ) {
    return 'target'
  }
  if (
    /refus|could not be found|Could not resolve proxy|Failed to connect to proxy|ProxyConnectionError|timed out/i.test(
      t,
    )
  ) {
    return 'connect'
  }
  return 'other'
}

const CHECK_PROXY: Fix = { kind: 'check-settings', field: 'proxy', label: 'Check the proxy settings' }

function proxyFailed(ctx: DescribeContext): Description {
  const { input } = ctx
  // Mailkey's own failures carry the specifics in words (which proxy, which server, which reason)
  const said = input.code?.startsWith('EPROXY') && input.message ? `${input.message}.` : ''
  switch (proxyStep(input)) {
    case 'connect':
      return {
        title: 'Mailkey could not reach the proxy',
        explanation:
          `${said} Check the proxy’s address, port and type (SOCKS5 or HTTP) with whoever runs your network.`.trim(),
        fix: CHECK_PROXY,
      }
    case 'auth':
      return {
        title: 'The proxy refused the sign-in',
        explanation:
          `${said} The proxy wants a user name and password of its own (not your mail password); check them with whoever runs your network.`.trim(),
        fix: { kind: 'check-settings', field: 'proxy', label: 'Check the proxy user name and password' },
      }
    case 'target':
      return {
        title: `The proxy would not connect to ${input.host ? `${input.host}${input.port ? ` port ${input.port}` : ''}` : 'the mail server'}`,
        explanation:
          `${said} The proxy works, but it refused or could not reach the mail server. Many office proxies only allow web ports (443): ask whoever runs it to allow ${input.port ? `port ${input.port}` : 'the mail ports'}.`.trim(),
        fix: {
          kind: 'contact-admin',
          label: 'Ask your network administrator to allow the mail server through the proxy',
        },
      }
    case 'other':
      return {
        title: 'The proxy failed',
        explanation:
          `${said} The proxy answered in a way Mailkey did not expect: check that it is a SOCKS5 or an HTTP (CONNECT) proxy, as set.`.trim(),
        fix: CHECK_PROXY,
      }
  }
}

const LABEL: Record<TlsVersion, string> = { '1.0': 'TLS 1.0', '1.1': 'TLS 1.1', '1.2': 'TLS 1.2', '1.3': 'TLS 1.3' }

function tlsVersionUnsupported(ctx: DescribeContext): Description {
  const { host, port, serverTls = [] } = ctx.input
  const min = ctx.input.minTls ?? DEFAULT_MIN_TLS
  // the newest the server takes; none known (pasted text, STARTTLS): below our minimum, presumably
  const best = serverTls.at(-1)
  const older = best !== undefined && TLS_VERSIONS.indexOf(best) < TLS_VERSIONS.indexOf(min)
  const target: TlsVersion | undefined = best ?? (min === '1.3' ? '1.2' : min === DEFAULT_MIN_TLS ? '1.0' : undefined)
  const title =
    best === undefined
      ? `The server does not speak ${LABEL[min]}${min === '1.3' ? '' : ' or newer'}`
      : older
        ? `The server only speaks ${serverTls.length > 1 ? `up to ${LABEL[best]}` : LABEL[best]}`
        : `The server and Mailkey share no TLS version`
  const warning =
    target && isLegacyTls(target)
      ? ` ${LABEL[target]} is outdated and no longer considered safe (RFC 8996): allow it only for your own office server, and ask for the server to be updated.`
      : ''
  const explanation = `Mailkey ${min === '1.3' ? 'was set to use only TLS 1.3' : `uses ${LABEL[min]} or newer`} for this server, and the server offered nothing Mailkey accepts.${warning}`
  const lowering = best === undefined || older
  const fix: Fix =
    host && port && target && lowering
      ? {
          kind: 'allow-tls-version',
          host,
          port,
          version: target,
          label: `Allow ${LABEL[target]}${isLegacyTls(target) ? ' (outdated)' : ''} for ${host}:${port} only`,
        }
      : { kind: 'contact-admin', label: 'Ask for the server to be updated to TLS 1.2 or newer' }
  return { title, explanation, fix }
}

export const OFFICE_DESCRIBERS: Record<OfficeCause, Describer> = {
  proxy_failed: proxyFailed,
  tls_version_unsupported: tlsVersionUnsupported,
}

/**
 * A pinned server showed another key: said as "the certificate changed", with both pins, whatever
 * the certificate itself looks like (it may be perfectly valid: an interceptor's usually is).
 */
export function pinMismatch(input: DiagnosisInput): Description | undefined {
  if (input.code !== 'CERT_PIN_MISMATCH') return undefined
  const pinned = /you trusted (sha256\/\S+)/.exec(input.message ?? '')?.[1] ?? 'the trusted key'
  const presented = input.certificate?.spki || /presents (sha256\/\S+)/.exec(input.message ?? '')?.[1] || 'another key'
  const where = input.host ? `${input.host}${input.port ? `:${input.port}` : ''}` : 'this server'
  return {
    title: `The certificate of ${where} changed`,
    explanation: `You trusted this server’s certificate by its key, ${pinned}. It now presents ${presented}: either the server got a new certificate, or someone is intercepting the connection. Mailkey stopped before sending your password. Ask the server’s administrator whether the certificate was replaced; if it was, remove the old trust on the account screen and trust the new one.`,
    fix: { kind: 'contact-admin', label: 'Ask the server’s administrator whether its certificate was replaced' },
  }
}
