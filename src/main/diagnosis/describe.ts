import type { Cause, Fix } from '../../shared/diagnosis.js'
import type { Security } from '../../shared/mail.js'
import { providerById, type Provider } from '../../shared/providers.js'
import { IMPLICIT_TLS_PORTS, STARTTLS_PORTS } from './classify.js'
import type { DiagnosisInput } from './input.js'

export interface Description {
  title: string
  explanation: string
  fix: Fix
}

const GMAIL_IMAP_SETTINGS = 'https://mail.google.com/mail/u/0/#settings/fwdandpop'
const GOOGLE_WEB_LOGIN_HELP = 'https://support.google.com/mail/accounts/answer/78754'
const MS_SMTP_AUTH_HELP =
  'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission'

function isGoogle(p: Provider | undefined): boolean {
  return p?.id === 'gmail' || p?.id === 'google-workspace'
}

function isMicrosoft(p: Provider | undefined): boolean {
  return p?.id === 'outlook' || p?.id === 'microsoft-365'
}

const SECURITY_LABEL: Record<Security, string> = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'no encryption' }

/** The standard pairing for a port that is in use with the wrong mode. */
function otherMode(
  port: number | undefined,
  security: Security | undefined,
  protocol: DiagnosisInput['protocol'],
): {
  port: number
  security: Security
} {
  if (port !== undefined && IMPLICIT_TLS_PORTS.has(port)) return { port, security: 'tls' }
  if (port !== undefined && STARTTLS_PORTS.has(port)) return { port, security: 'starttls' }
  // an unusual port: flip the mode and keep the port
  if (port !== undefined && security !== undefined) return { port, security: security === 'tls' ? 'starttls' : 'tls' }
  const implicit = { smtp: 465, imap: 993, pop3: 995 } as const
  return { port: implicit[protocol ?? 'smtp'], security: 'tls' }
}

function switchFix(target: { port: number; security: Security }): Fix {
  return {
    kind: 'switch-security',
    ...target,
    label: `Use port ${target.port} with ${SECURITY_LABEL[target.security]}`,
  }
}

function appPasswordFix(p: Provider | undefined): Fix {
  const url = p?.appPassword?.createUrl ?? 'https://myaccount.google.com/apppasswords'
  return { kind: 'open-url', url, label: `Open ${p?.name ?? 'Google'}'s App passwords page` }
}

function passwordFix(input: DiagnosisInput, p: Provider | undefined): Fix {
  if (input.hasSavedSecret) return { kind: 'replace-password', label: 'Enter the new app password' }
  if (p?.appPassword?.required) return appPasswordFix(p)
  return { kind: 'check-settings', field: 'password', label: 'Check the username and password' }
}

function server(input: DiagnosisInput): string {
  return input.host ? `${input.host}${input.port ? ` port ${input.port}` : ''}` : 'the server'
}

/** Title, explanation and fix for a cause, in plain words, with the provider's specifics where known. */
export function describe(cause: Cause, input: DiagnosisInput): Description {
  const p = input.providerId ? providerById(input.providerId) : undefined
  const name = p?.name ?? 'The server'
  switch (cause) {
    case 'app_password_required':
      return {
        title: `${isGoogle(p) || !p ? 'Google' : p.name} needs an app password for Mailkey`,
        explanation:
          'Your normal account password only works in the web browser. With 2-Step Verification on, mail apps sign in with an app password: 16 letters you create once and paste here.',
        fix: appPasswordFix(p ?? providerById('gmail')),
      }
    case 'invalid_credentials':
      if (isGoogle(p)) {
        return {
          title: input.hasSavedSecret
            ? 'Google no longer accepts the saved app password'
            : 'Google did not accept this password',
          explanation: input.hasSavedSecret
            ? 'Google revokes every app password when the account password changes. Create a new app password and enter it here.'
            : 'Gmail needs an app password here, not your Google password. Check the address, then create an app password and paste all 16 letters.',
          fix: input.hasSavedSecret ? passwordFix(input, p) : appPasswordFix(p),
        }
      }
      return {
        title: input.hasSavedSecret
          ? `${name} no longer accepts the saved password`
          : `${name} did not accept the username or password`,
        explanation: p?.appPassword?.required
          ? `${p.name} needs an app password for mail apps. Create one and paste it here.`
          : 'Check the username (usually the full address) and the password. If the account uses two-step sign-in, it may need an app password.',
        fix: passwordFix(input, p),
      }
    case 'web_login_required':
      return {
        title: `${isGoogle(p) || !p ? 'Google' : p.name} wants you to sign in on the web first`,
        explanation:
          'The provider blocked this sign-in until you confirm it in a web browser. Sign in to your mail on the web, confirm any security prompt, then test again.',
        fix: { kind: 'open-url', url: GOOGLE_WEB_LOGIN_HELP, label: 'How to confirm the sign-in' },
      }
    case 'imap_disabled':
      return {
        title: 'IMAP access is switched off for this account',
        explanation: isGoogle(p)
          ? 'Turn on IMAP in Gmail: Settings → See all settings → Forwarding and POP/IMAP. A Workspace admin may also need to allow it.'
          : 'Turn on IMAP in the web mail settings, or ask your administrator to allow it.',
        fix: isGoogle(p)
          ? { kind: 'open-url', url: GMAIL_IMAP_SETTINGS, label: 'Open Gmail’s IMAP settings' }
          : { kind: 'contact-admin', label: 'Turn on IMAP in the mail settings' },
      }
    case 'pop_disabled':
      return {
        title: 'POP access is switched off for this account',
        explanation: isGoogle(p)
          ? 'Turn on POP in Gmail: Settings → See all settings → Forwarding and POP/IMAP.'
          : 'Turn on POP in the web mail settings, or use IMAP instead.',
        fix: isGoogle(p)
          ? { kind: 'open-url', url: GMAIL_IMAP_SETTINGS, label: 'Open Gmail’s POP settings' }
          : { kind: 'contact-admin', label: 'Turn on POP in the mail settings' },
      }
    case 'smtp_auth_disabled':
      return {
        title:
          isMicrosoft(p) || !p
            ? 'Sending with a password is switched off for this mailbox'
            : `${name} does not allow password sign-in for sending`,
        explanation:
          isMicrosoft(p) || !p
            ? 'Microsoft turns off SMTP AUTH by default and has retired password (basic) sign-in for Outlook.com. An admin must enable Authenticated SMTP for this mailbox in Microsoft 365, or the app must use OAuth.'
            : 'The provider has switched off password sign-in for sending. Ask the administrator to allow it.',
        fix:
          isMicrosoft(p) || !p
            ? { kind: 'open-url', url: MS_SMTP_AUTH_HELP, label: 'Show your admin how to enable SMTP AUTH' }
            : { kind: 'contact-admin', label: 'Ask your administrator to allow SMTP sign-in' },
      }
    case 'too_many_connections':
      return {
        title: 'Too many mail apps are connected to this account',
        explanation:
          'The server limits how many connections one account may open at once. Close other mail apps or devices for a moment, then test again.',
        fix: { kind: 'retry-later', label: 'Close other mail apps, then try again' },
      }
    case 'rate_limited':
      return {
        title: 'The server is slowing down sign-in attempts',
        explanation:
          'After several attempts in a short time the server refuses new ones for a while. Wait a few minutes before testing again.',
        fix: { kind: 'retry-later', label: 'Wait a few minutes, then try again' },
      }
    case 'sending_limit':
      return {
        title: 'This account has reached its sending limit',
        explanation:
          'The provider limits how much mail an account may send per day. Sending works again when the limit resets, usually within 24 hours.',
        fix: { kind: 'retry-later', label: 'Try again tomorrow' },
      }
    case 'auth_required_before_send':
      return {
        title: 'The server wants you to sign in before sending',
        explanation:
          'The outgoing server only accepts mail from signed-in users. Make sure sending uses the same username and password as receiving.',
        fix: { kind: 'check-settings', field: 'username', label: 'Check the outgoing sign-in' },
      }
    case 'starttls_required': {
      const target = { port: input.port ?? 587, security: 'starttls' as const }
      return {
        title: 'The server requires an encrypted connection',
        explanation:
          'The server refuses passwords over an unencrypted connection, and rightly so. Turn on STARTTLS (or use SSL/TLS on the secure port).',
        fix: switchFix(target),
      }
    }
    case 'tls_mode_mismatch': {
      const target = otherMode(input.port, input.security, input.protocol)
      return {
        title: `Port ${target.port} needs ${SECURITY_LABEL[target.security]}`,
        explanation:
          'The encryption setting does not match the port: 465, 993 and 995 use SSL/TLS from the start; 587, 143 and 110 start unencrypted and switch with STARTTLS.',
        fix: switchFix(target),
      }
    }
    case 'certificate_untrusted':
      return {
        title: 'The server’s certificate is not trusted',
        explanation: `${server(input)} presented a certificate that no trusted authority vouches for (self-signed or from a private CA). Someone may be intercepting the connection, or the server is set up that way. Check the certificate details with your provider before trusting it.`,
        fix: { kind: 'check-settings', field: 'host', label: 'Check the server name with your provider' },
      }
    case 'certificate_hostname_mismatch':
      return {
        title: 'The certificate is for a different server name',
        explanation: `The certificate does not name ${input.host ?? 'this server'}${input.certificate?.altNames.length ? `; it is for ${input.certificate.altNames.slice(0, 3).join(', ')}` : ''}. Use the server name your provider documents.`,
        fix: { kind: 'check-settings', field: 'host', label: 'Use the server name on the certificate' },
      }
    case 'certificate_expired':
      return {
        title: 'The server’s certificate has expired',
        explanation: `The certificate${input.certificate ? ` expired on ${input.certificate.validTo.slice(0, 10)}` : ' is out of date'}. The provider must renew it; also check your computer’s date and time.`,
        fix: { kind: 'contact-admin', label: 'Tell your provider the certificate has expired' },
      }
    case 'connection_refused':
      return {
        title: `Nothing answers at ${server(input)}`,
        explanation:
          'The server turned the connection away: the port is probably wrong, or the service is not running there.',
        fix: { kind: 'check-settings', field: 'port', label: 'Check the server name and port' },
      }
    case 'connection_timeout':
      return {
        title: `${server(input)} did not respond in time`,
        explanation:
          'No answer came back. A firewall, VPN or internet provider may block this port (port 25 and 587 often are), or the server name points to the wrong place.',
        fix:
          input.protocol === 'smtp' && input.port !== 465
            ? switchFix({ port: 465, security: 'tls' })
            : { kind: 'check-settings', field: 'host', label: 'Check the server name and your network' },
      }
    case 'dns_not_found':
      return {
        title: `The server name ${input.host ? `“${input.host}” ` : ''}does not exist`,
        explanation: 'The name could not be found. Check it for typos, and check that this computer is online.',
        fix: { kind: 'check-settings', field: 'host', label: 'Check the server name' },
      }
    case 'connection_reset':
      return {
        title: 'The server hung up unexpectedly',
        explanation:
          'The connection was closed in the middle of the conversation. This can be a network problem, or a security setting the server does not accept.',
        fix: { kind: 'retry-later', label: 'Try again' },
      }
    case 'sender_not_allowed':
      return {
        title: 'The server will not send from this address',
        explanation: isGoogle(p)
          ? 'Gmail only sends from addresses you have added under Settings → Accounts → “Send mail as”.'
          : 'The account may only send from its own address or from aliases the provider has verified.',
        fix: isGoogle(p)
          ? {
              kind: 'open-url',
              url: 'https://mail.google.com/mail/u/0/#settings/accounts',
              label: 'Open Gmail’s “Send mail as” settings',
            }
          : { kind: 'check-settings', field: 'email', label: 'Check the sender address' },
      }
    case 'relay_denied':
      return {
        title: 'The server refuses to pass this mail on',
        explanation:
          'The outgoing server only relays mail for signed-in users of its own domains. Sign in to send, or use your provider’s outgoing server.',
        fix: { kind: 'check-settings', field: 'host', label: 'Check the outgoing server' },
      }
    case 'oauth_token_invalid':
      return {
        title: 'The sign-in token is no longer valid',
        explanation:
          'The provider revoked or expired the authorization (for example after a password change). Sign in again to renew it.',
        fix: { kind: 'replace-password', label: 'Sign in again' },
      }
    case 'auth_mechanism_unsupported':
      return {
        title: 'The server does not accept this way of signing in',
        explanation:
          'The server offers no password sign-in that Mailkey may use on this connection. It may need encryption first, or OAuth instead of a password.',
        fix: switchFix(otherMode(input.port, input.security, input.protocol)),
      }
    case 'account_disabled':
      return {
        title: 'This account is disabled or locked',
        explanation:
          'The provider has suspended or locked the account. Sign in on the web to see why, or ask your administrator.',
        fix: { kind: 'contact-admin', label: 'Check the account on the web or with your admin' },
      }
    case 'server_unavailable':
      return {
        title: `${name === 'The server' ? 'The server' : name} is temporarily unavailable`,
        explanation:
          'The server is busy or down for maintenance. Nothing is wrong with your settings; try again in a few minutes.',
        fix: { kind: 'retry-later', label: 'Try again in a few minutes' },
      }
    case 'unknown':
      return {
        title: 'The test failed for a reason Mailkey does not recognise',
        explanation: 'The server’s own words are below. Copy the details if you ask your provider for help.',
        fix: { kind: 'none', label: 'Copy the details for support' },
      }
  }
}
