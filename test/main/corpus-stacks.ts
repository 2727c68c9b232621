import type { ClientStack, CorpusEntry } from './diagnosis-corpus.js'

/**
 * The client stack of a corpus entry: the one given, else the one its words give away (a Python
 * traceback, a Java exception, nodemailer's error object…), else "server" for a server's reply quoted
 * as it is. Used for the corpus figures; the stack-by-stack entries name theirs.
 */
const SIGNATURES: readonly (readonly [RegExp, ClientStack])[] = [
  [/curl: \(\d+\)/, 'curl'],
  [/name in the certificate does not match the expected|certificate is NOT trusted/, 'gnutls'],
  [
    /smtplib|imaplib|poplib|_ssl\.c|Errno|Traceback|gaierror|SSL: CERTIFICATE_VERIFY_FAILED|WRONG_VERSION_NUMBER|\(\d{3}, b'/,
    'python',
  ],
  [/javax\.|jakarta\.|com\.sun\.mail|org\.eclipse\.angus|SocketException|Exception: \d{3} /, 'java'],
  [/MailKit|MimeKit|MCOErrorDomain/, 'mailkit'],
  [/System\.Net\.Mail|The SMTP server requires a secure connection|net_io_/, 'system-net-mail'],
  [/SMTP Error|SMTP ERROR|SMTP ->|Password Command Failed|PHPMailer/i, 'phpmailer'],
  [/Symfony|Swift_|Authenticator|Expected response code/, 'symfony-mailer'],
  [/gomail|x509:|net\/smtp|unencrypted connection/, 'go'],
  [
    /code: '|ECONN|ETIMEDOUT|EAUTH|EDNS|ENOTFOUND|ERR_TLS|TLSSocket|Invalid login:|Greeting never received|at process\.|\{ \[?Error/,
    'node',
  ],
  [/ssl3_get_record|SSL routines|error:[0-9A-F]{8}:/, 'openssl'],
  [/Login to server|Thunderbird|NS_ERROR_/, 'thunderbird'],
  [/0x800C|0x8004/i, 'outlook'],
  [/Cannot Get Mail/i, 'phone'],
]

export function stackOf(e: CorpusEntry): ClientStack {
  if (e.stack) return e.stack
  return SIGNATURES.find(([re]) => re.test(e.text))?.[1] ?? 'server'
}
