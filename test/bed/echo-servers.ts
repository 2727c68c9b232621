import { scriptedServer, type HostileServer } from './hostile.js'

/**
 * Servers that refuse every login and quote the client's secret back in the refusal, in every
 * encoding a client may have used: the line as sent, the password as typed, its base64, URL encoding,
 * a SASL PLAIN, a LOGIN and an XOAUTH2 blob made from it, and the blob cut short with an ellipsis (as
 * sendmail cuts long lines). Implicit TLS with the bed's certificate. For the secret-leak scan.
 */
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

/** The secret as a server might quote it, one piece per line (without the reply code). */
export function quotedForms(line: string, username: string, password: string): string[] {
  const plain = b64(`\0${username}\0${password}`)
  return [
    `you sent: ${line}`,
    `password was ${password}`,
    `base64 ${b64(password)}`,
    `url ${encodeURIComponent(password)}`,
    `plain ${plain} login ${b64(password)}`,
    `xoauth2 ${b64(`user=${username}\x01auth=Bearer ${password}\x01\x01`)}`,
    `cut "AUTH PLAIN ${plain.slice(0, 20)}…"`,
  ]
}

function passwordOfPlain(blob: string): { username: string; password: string } {
  const [, username = '', password = ''] = Buffer.from(blob, 'base64').toString('utf8').split('\0')
  return { username, password }
}

/** SMTP with AUTH PLAIN LOGIN; any AUTH gets a 535 that quotes everything. */
export function smtpEchoServer(tls: { key: string; cert: string }): Promise<HostileServer> {
  let loginUser = ''
  return scriptedServer(
    '220 echo.example.test ESMTP',
    (line) => {
      if (/^EHLO/i.test(line)) return '250-echo.example.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME'
      if (/^QUIT/i.test(line)) return '221 bye'
      const plain = /^AUTH PLAIN (\S+)/i.exec(line)
      if (plain) {
        const { username, password } = passwordOfPlain(plain[1] ?? '')
        loginUser = username
        const forms = quotedForms(line, loginUser, password)
        return [...forms.slice(0, -1).map((f) => `535-5.7.8 ${f}`), `535 5.7.8 ${forms.at(-1) ?? ''}`].join('\r\n')
      }
      return '502 5.5.1 unknown'
    },
    { tls },
  )
}

/** IMAP with AUTH=PLAIN; AUTHENTICATE and LOGIN both get a NO that quotes everything. */
export function imapEchoServer(tls: { key: string; cert: string }): Promise<HostileServer> {
  let pendingTag: string | undefined
  return scriptedServer(
    '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN ID] echo ready',
    (line) => {
      if (pendingTag !== undefined) {
        const tag = pendingTag
        pendingTag = undefined
        const { username, password } = passwordOfPlain(line)
        return `${tag} NO [AUTHENTICATIONFAILED] ${quotedForms(line, username, password).join(' | ')}`
      }
      const [tag = '*', command = '', ...args] = line.split(' ')
      switch (command.toUpperCase()) {
        case 'CAPABILITY':
          return `* CAPABILITY IMAP4rev1 AUTH=PLAIN ID\r\n${tag} OK done`
        case 'ID':
          return `* ID ("name" "echo" "vendor" "test")\r\n${tag} OK done`
        case 'AUTHENTICATE':
          pendingTag = tag
          return '+ '
        case 'LOGIN': {
          const [username = '', password = ''] = args.map((a) => a.replace(/^"|"$/g, ''))
          return `${tag} NO [AUTHENTICATIONFAILED] ${quotedForms(line, username, password).join(' | ')}`
        }
        case 'LOGOUT':
          return `* BYE\r\n${tag} OK bye`
        default:
          return `${tag} BAD unknown`
      }
    },
    { tls },
  )
}

/** POP3 with USER/PASS; PASS gets an -ERR that quotes everything. */
export function pop3EchoServer(tls: { key: string; cert: string }): Promise<HostileServer> {
  let user = ''
  return scriptedServer(
    '+OK echo ready',
    (line) => {
      if (/^CAPA$/i.test(line)) return '+OK\r\nUSER\r\n.'
      const u = /^USER (.*)$/i.exec(line)
      if (u) {
        user = u[1] ?? ''
        return '+OK send PASS'
      }
      const p = /^PASS (.*)$/i.exec(line)
      if (p) return `-ERR [AUTH] ${quotedForms(line, user, p[1] ?? '').join(' | ')}`
      if (/^QUIT/i.test(line)) return '+OK bye'
      return '-ERR unknown'
    },
    { tls },
  )
}
