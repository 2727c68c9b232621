/**
 * How the common client stacks word the same failure: OpenSSL, GnuTLS, NSS (Thunderbird), curl, Python
 * (smtplib, imaplib, ssl), Java Mail, .NET (MailKit, System.Net.Mail), PHP (PHPMailer, Symfony Mailer),
 * Go (net/smtp, crypto/x509) and Node. Each pattern names its stack; the rule families in this folder
 * add them to their own wording. Real examples of each are in test/main/diagnosis-corpus.ts.
 */

/** The certificate names another host. */
export const HOSTNAME_MISMATCH = new RegExp(
  [
    // curl (60) "no alternative certificate subject name matches target host name 'x'", (51) "subject name 'x' does not match"
    'no alternative certificate subject name matches',
    "certificate subject name '[^']*' does not match target host",
    // GnuTLS (msmtp, mutt, fetchmail): "The name in the certificate does not match the expected."
    'name in the certificate does not match the expected',
    // Go crypto/x509: "x509: certificate is valid for a, b, not c"
    'x509: certificate is valid for .{1,300}?, not ',
    // Java: "No subject alternative DNS name matching x found", "No name matching x found"
    'No subject alternative (?:DNS )?names? matching',
    'No name matching \\S+ found',
    // .NET SslPolicyErrors
    'RemoteCertificateNameMismatch',
    // isync/mbsync (OpenSSL): "certificate owner does not match hostname"
    'certificate owner does not match hostname',
    // Ruby OpenSSL: 'hostname "x" does not match the server certificate'
    'does not match the server certificate',
    // PHP streams: "Peer certificate CN=`a' did not match expected CN=`b'"
    'Peer certificate CN=.{0,200}?did not match expected CN',
    // NSS (Thunderbird, Firefox)
    'SSL_ERROR_BAD_CERT_DOMAIN',
  ].join('|'),
  'i',
)

/** The certificate chains to no trusted root. */
export const UNTRUSTED = new RegExp(
  [
    // Java: "PKIX path building failed … unable to find valid certification path to requested target"
    'PKIX path building failed',
    'unable to find valid certification path',
    // Go
    'x509: certificate signed by unknown authority',
    // GnuTLS
    'certificate is NOT trusted',
    'certificate issuer is unknown',
    // .NET: SslStream and MailKit's SslHandshakeException explanation
    'remote certificate is invalid',
    'RemoteCertificateChainErrors',
    'not trusted by the system',
    // NSS, Apple Mail
    'SEC_ERROR_UNKNOWN_ISSUER',
    'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
    'Cannot Verify Server Identity',
    // curl (60)
    'SSL certificate problem',
  ].join('|'),
  'i',
)

/** The certificate is out of date. */
export const EXPIRED = new RegExp(
  [
    // Go
    'x509: certificate has expired',
    // Java
    'CertificateExpiredException',
    // NSS
    'SEC_ERROR_EXPIRED_CERTIFICATE',
    // GnuTLS "The certificate has expired", OpenSSL "certificate has expired" (rules/tls.ts has the plain phrase)
  ].join('|'),
  'i',
)

/** We spoke TLS and the other side answered in plaintext (or the reverse, as each TLS stack reports it). */
export const TLS_TO_PLAINTEXT = new RegExp(
  [
    // Go crypto/tls
    'first record does not look like a TLS handshake',
    // Java
    'Unrecognized SSL message, plaintext connection',
    // GnuTLS
    'An unexpected TLS packet was received',
    // NSS
    'SSL_ERROR_RX_RECORD_TOO_LONG',
    // .NET SslStream reading an SMTP greeting as a TLS record; MailKit's own hint for it
    'handshake failed due to an unexpected packet format',
    'Cannot determine the frame size or a corrupted frame was received',
    'port \\d+ is typically reserved for plain-text connections',
  ].join('|'),
  'i',
)

/** STARTTLS was required but the server does not offer it. */
export const NO_STARTTLS = new RegExp(
  [
    // Java Mail
    'STARTTLS is required but host does not support STARTTLS',
    // MailKit
    'does not support the STARTTLS extension',
    // Thunderbird: "…using STARTTLS since it doesn't advertise that feature"
    "using STARTTLS since it doesn'?t advertise that feature",
    // curl (64)
    'Requested SSL level failed',
  ].join('|'),
  'i',
)

/** The client refuses to send a password unencrypted (Go's net/smtp PlainAuth). */
export const CLIENT_WANTS_ENCRYPTION = /\bunencrypted connection\b/i

/** The server offers no sign-in at all, as clients report it. */
export const NO_AUTH_OFFERED = new RegExp(
  [
    // Go net/smtp
    "smtp: server doesn'?t support AUTH",
    // MailKit
    'The SMTP server does not support authentication',
  ].join('|'),
  'i',
)

/** A login refused, in clients' own words (the server's words, when quoted, decide first). */
export const LOGIN_REFUSED = new RegExp(
  [
    // PHPMailer "SMTP Error: Could not authenticate.", Symfony "Failed to authenticate on SMTP server"
    'Failed to authenticate on SMTP server',
    // curl (67)
    'Login denied',
    // Java Mail without server text
    'AuthenticationFailedException',
  ].join('|'),
  'i',
)

/** The connection was turned away or could not be made, in stacks' words. */
export const CONNECT_REFUSED = new RegExp(
  [
    // curl (7) "Failed to connect to host port 587 … Connection refused" (the refusal itself is matched elsewhere)
    'Failed to connect to \\S+ port \\d+.{0,80}refused',
  ].join('|'),
  'i',
)

/** No answer in time. */
export const TIMED_OUT = new RegExp(
  [
    // Go "dial tcp 1.2.3.4:587: i/o timeout"
    'i/o timeout',
    // Java
    'SocketTimeoutException',
    // NSS (Thunderbird)
    'NS_ERROR_NET_TIMEOUT',
    // curl (28)
    'curl: \\(28\\)',
  ].join('|'),
  'i',
)

/** The other side closed the connection. */
export const CLOSED = new RegExp(
  [
    // System.Net.Mail
    'net_io_connectionclosed',
    'forcibly closed by the remote host',
    // curl (56)
    'Recv failure',
    // GnuTLS
    'TLS connection was non-properly terminated',
    'Error in the pull function',
    // PHPMailer
    'EOF caught while checking if connected',
  ].join('|'),
  'i',
)

/** The server name does not resolve. */
export const NAME_UNKNOWN = new RegExp(
  [
    // Go "lookup smtp.x on 127.0.0.53:53: no such host"
    'no such host',
    // Java
    'UnknownHostException',
    // Thunderbird / Evolution
    'host lookup \\S+ failed',
  ].join('|'),
  'i',
)
