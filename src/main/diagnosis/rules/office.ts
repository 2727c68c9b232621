import { code, either, has, type Facts, type Rule } from '../facts.js'

/** Mailkey's own proxy codes (EPROXY_CONNECT/AUTH/TARGET), nodemailer's EPROXY, imapflow's ProxyError. */
const proxyCode = (f: Facts): boolean => f.codes.some((c) => /^EPROXY(_[A-Z]+)?$|^ProxyError$/.test(c))

/**
 * What clients say when the proxy, not the mail server, failed: the `socks` package (nodemailer,
 * imapflow), PySocks, curl, Java's SocksSocketImpl and HttpURLConnection, Go's x/net/proxy,
 * Thunderbird/Firefox (NS_ERROR_PROXY_*), and a proxy's own 407 status line.
 */
const PROXY_TEXT =
  /Socks5? (proxy|Authentication|server|initial handshake|final handshake)|SOCKS ?[45]? ?(: )?authentication failed|User was rejected by the SOCKS5 server|SOCKS5 (proxy|server) at|proxy (server )?(is )?refusing|proxy refused the connection|Proxy Authentication Required|CONNECT tunnel failed|Received HTTP code \d+ from proxy|Failed to connect to proxy|Could not resolve proxy|Unable to tunnel through proxy|ProxyConnectionError|GeneralProxyError|SOCKS[45]AuthError|SOCKS[45]Error|Failed to setup proxy connection|Invalid response from proxy|NS_ERROR_(UNKNOWN_)?PROXY|proxy server (cannot|could not) be found|Malformed reply from SOCKS server|Can't complete SOCKS5 connection/i

/**
 * No TLS version in common: OpenSSL ("unsupported protocol", "tlsv1 alert protocol version", "no
 * protocols available"), Node's ERR_SSL_* codes, Java ("No appropriate protocol", "protocol version is
 * not enabled"), Go ("unsupported protocol version"), .NET/SChannel ("do not possess a common
 * algorithm") and NSS (SSL_ERROR_UNSUPPORTED_VERSION). OpenSSL's "wrong version number" is not one of
 * them: that is TLS spoken to a plaintext port (tls_mode_mismatch).
 */
const TLS_VERSION_TEXT =
  /unsupported protocol|tlsv1 alert protocol version|TLSV1_ALERT_PROTOCOL_VERSION|no protocols available|NO_PROTOCOLS_AVAILABLE|No appropriate protocol|protocol version is not enabled|not enabled or not supported by the client|unsupported protocol version|protocol version not supported|do not possess a common algorithm|SSL_ERROR_UNSUPPORTED_VERSION|SSL_ERROR_PROTOCOL_VERSION_ALERT|version too low|UNSUPPORTED_PROTOCOL/i

/**
 * The office options' failures. They run first: a proxy's refusal often carries a network word
 * ("rejected connection - ConnectionRefused") that must not read as the mail server's, and a changed
 * pinned certificate must not read as a merely untrusted one.
 */
export const OFFICE_RULES: readonly Rule[] = [
  { cause: 'proxy_failed', when: either(proxyCode, has(PROXY_TEXT)) },
  // the user trusted another key for this server: the describer says "the certificate changed"
  { cause: 'certificate_untrusted', when: code('CERT_PIN_MISMATCH') },
  {
    cause: 'tls_version_unsupported',
    when: either(
      code(
        'ERR_SSL_UNSUPPORTED_PROTOCOL',
        'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
        'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
        'ERR_SSL_VERSION_TOO_LOW',
      ),
      has(TLS_VERSION_TEXT),
    ),
  },
]
