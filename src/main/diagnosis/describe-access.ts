import { PROVIDER_PAGES, providerById } from '../../shared/providers.js'
import type { DescribeContext, Describer, Description } from './describe-context.js'
import { signInFix, signInKind } from './describe-oauth.js'
import { appPasswordFix, openUrl, replacePasswordFix, switchFix } from './fixes.js'

export type AccessCause =
  | 'app_password_required'
  | 'invalid_credentials'
  | 'web_login_required'
  | 'imap_disabled'
  | 'pop_disabled'
  | 'smtp_auth_disabled'
  | 'oauth_token_invalid'
  | 'account_disabled'
  | 'too_many_connections'
  | 'rate_limited'
  | 'sending_limit'
  | 'sender_not_allowed'
  | 'auth_required_before_send'

/** "Google" for Gmail and Workspace (the account is a Google account), else the provider's name. */
function brand(ctx: DescribeContext): string {
  if (ctx.family === 'google') return 'Google'
  if (ctx.family === 'microsoft') return 'Microsoft'
  return ctx.provider?.name ?? 'The server'
}

function appPassword(ctx: DescribeContext): Description {
  const known = ctx.provider?.appPassword ? ctx.provider : ctx.family === 'google' ? providerById('gmail') : undefined
  if (!known) {
    // QQ Mail's "authorization code", a small provider's "application password": no page we can link to
    return {
      title: `The server needs an app password for ${ctx.app}`,
      explanation: `This provider does not let mail apps sign in with the account password. Create an app password (some providers call it an authorization code) in the account’s security settings on the web, and enter it ${ctx.here}.`,
      fix: { kind: 'check-settings', field: 'password', label: 'Enter an app password instead' },
    }
  }
  const google = known.id === 'gmail'
  const yahooFirstTry = /#AUTH005/i.test(ctx.input.text)
    ? ' Yahoo reports this as “too many bad auth attempts” even on the first try.'
    : ''
  return {
    title: `${google ? 'Google' : known.name} needs an app password for ${ctx.app}`,
    explanation: google
      ? `Your Google password only works in the web browser. With 2-Step Verification on, mail apps sign in with an app password: 16 letters you create once on the App passwords page and paste ${ctx.here}. Google offers no app passwords with security-key-only 2-Step Verification, Advanced Protection, or when a Workspace admin has turned them off: then sign in with Google (OAuth) instead of a password.`
      : `${known.name} does not let mail apps sign in with your account password. Create an app password for ${ctx.app} on ${known.name}’s security page and paste it ${ctx.here}.${yahooFirstTry}`,
    fix: appPasswordFix(known),
  }
}

function invalidCredentials(ctx: DescribeContext): Description {
  const { input, provider: p } = ctx
  const saved = input.hasSavedSecret === true
  if (ctx.family === 'google') {
    return {
      title: saved ? 'Google no longer accepts the saved app password' : 'Google did not accept this password',
      explanation: saved
        ? `Google revokes every app password when the account password changes. Create a new app password and enter it ${ctx.here}.`
        : ctx.input.origin === 'pasted'
          ? 'Gmail needs an app password in your mail app, not your Google password. Check the address, then create an app password on Google’s App passwords page and paste all 16 letters into your mail app.'
          : 'Gmail needs an app password here, not your Google password. Check the address, then create an app password on Google’s App passwords page and paste all 16 letters.',
      fix: saved ? replacePasswordFix('app password') : appPasswordFix(p),
    }
  }
  if (p?.oauthOnly) {
    // Outlook.com refuses every password over IMAP/POP/SMTP since basic auth was retired: a new one won't help
    return {
      title: `${p.name} no longer accepts passwords from mail apps`,
      explanation: `Microsoft has retired password (basic) sign-in for ${p.name} mail apps, so even the right password is refused. The account needs Microsoft sign-in (OAuth) instead.`,
      fix: openUrl(p.helpUrl, `Open Microsoft’s help for ${p.name} mail apps`),
    }
  }
  if (ctx.family === 'microsoft') {
    return {
      title: saved
        ? 'Microsoft no longer accepts the saved password'
        : 'Microsoft did not accept the username or password',
      explanation:
        'Check that the username is the full address and the password is current. If the organization has turned off basic authentication or SMTP AUTH for this mailbox, Microsoft refuses even the right password; an admin can check this in the Microsoft 365 admin center.',
      fix: saved
        ? replacePasswordFix()
        : { kind: 'check-settings', field: 'password', label: 'Check the username and password' },
    }
  }
  if (p?.appPassword?.required) {
    return {
      title: saved ? `${p.name} no longer accepts the saved app password` : `${p.name} did not accept this password`,
      explanation: saved
        ? `${p.name} refused the app password saved for ${ctx.app}; it may have been revoked. Create a new one and enter it ${ctx.here}.`
        : `${p.name} needs an app password for mail apps, not your account password. Create one and paste it ${ctx.here}.`,
      fix: saved ? replacePasswordFix('app password') : appPasswordFix(p),
    }
  }
  const twoFactor = p?.appPassword
    ? ` If two-factor authentication is on, ${p.name} needs an application-specific password.`
    : ' If the account uses two-step sign-in, it may need an app password.'
  const other = saved || p ? undefined : otherUsername(input.username, input.email)
  if (other) {
    // a server Mailkey has no preset for: servers differ on which form of the name they want
    return {
      title: `${ctx.name} did not accept the username or password`,
      explanation: `Many servers want the other form of the user name: “${other}” instead of “${input.username ?? ''}”. If that is refused too, check the password.${twoFactor}`,
      fix: { kind: 'switch-username', username: other, label: `Sign in as ${other} instead` },
    }
  }
  return {
    title: saved
      ? `${ctx.name} no longer accepts the saved password`
      : `${ctx.name} did not accept the username or password`,
    explanation: `Check the username (usually the full address) and the password.${twoFactor}`,
    fix: saved
      ? replacePasswordFix()
      : { kind: 'check-settings', field: 'password', label: 'Check the username and password' },
  }
}

/**
 * The other usual form of a user name: the part before "@" when the full address was tried, the full
 * address when only a local name was. Undefined when there is no other form to try.
 */
export function otherUsername(username: string | undefined, email: string | undefined): string | undefined {
  if (!username || !email) return undefined
  const at = email.lastIndexOf('@')
  if (at < 1) return undefined
  const local = email.slice(0, at)
  if (username.toLowerCase() === email.toLowerCase()) return local
  if (username.toLowerCase() === local.toLowerCase()) return email
  return undefined
}

function webLogin(ctx: DescribeContext): Description {
  if (ctx.family === 'microsoft') {
    return {
      title: 'Microsoft wants you to sign in on the web first',
      explanation:
        'Outlook.com stops an account from sending until it is signed in and verified on the web (often with a phone number). Sign in to Outlook on the web, complete the check, then test again.',
      fix: openUrl(PROVIDER_PAGES.microsoftAccount, 'Open your Microsoft account'),
    }
  }
  if (ctx.family === 'google' || !ctx.provider) {
    return {
      title: 'Google wants you to sign in on the web first',
      explanation:
        'Google blocked this sign-in until you confirm it in a web browser. Sign in to Gmail on this computer, confirm any security prompt, then test again. With 2-Step Verification on, use an app password instead.',
      fix: openUrl(PROVIDER_PAGES.googleWebLogin, 'How to confirm the sign-in'),
    }
  }
  return {
    title: `${ctx.provider.name} wants you to sign in on the web first`,
    explanation: `${ctx.provider.name} blocked this sign-in until you confirm it in a web browser. Sign in on the web, confirm any security prompt, then test again.`,
    fix: openUrl(ctx.provider.helpUrl, `Open ${ctx.provider.name} help`),
  }
}

function imapDisabled(ctx: DescribeContext): Description {
  if (ctx.family === 'google' && /for your domain/i.test(ctx.input.text)) {
    return {
      title: 'IMAP is switched off for your organization',
      explanation:
        'A Google Workspace admin has turned off IMAP for this domain (Admin console → Apps → Google Workspace → Gmail → End User Access). Changes there take up to 24 hours.',
      fix: { kind: 'contact-admin', label: 'Ask your Workspace admin to allow IMAP' },
    }
  }
  if (ctx.family === 'google') {
    return {
      title: 'IMAP access is switched off for this account',
      explanation: 'Turn on IMAP in Gmail: Settings → See all settings → Forwarding and POP/IMAP, then test again.',
      fix: openUrl(PROVIDER_PAGES.gmailPopImap, 'Open Gmail’s IMAP settings'),
    }
  }
  if (ctx.provider?.id === 'zoho') {
    return {
      title: 'IMAP access is switched off for this account',
      explanation:
        'Turn on IMAP in Zoho Mail: Settings → Mail Accounts → your address → IMAP Access. An organization admin may also need to allow it.',
      fix: openUrl(ctx.provider.helpUrl, 'Open Zoho’s IMAP help'),
    }
  }
  return {
    title: 'IMAP access is switched off for this account',
    explanation: 'Turn on IMAP in the web mail settings, or ask your administrator to allow it.',
    fix: { kind: 'contact-admin', label: 'Turn on IMAP in the mail settings' },
  }
}

function popDisabled(ctx: DescribeContext): Description {
  const google = ctx.family === 'google'
  return {
    title: 'POP access is switched off for this account',
    explanation: google
      ? 'Turn on POP in Gmail: Settings → See all settings → Forwarding and POP/IMAP, or use IMAP instead.'
      : 'Turn on POP in the web mail settings, or use IMAP instead.',
    fix: google
      ? openUrl(PROVIDER_PAGES.gmailPopImap, 'Open Gmail’s POP settings')
      : { kind: 'contact-admin', label: 'Turn on POP in the mail settings' },
  }
}

function smtpAuthDisabled(ctx: DescribeContext): Description {
  // Outlook.com has no admin to turn SMTP AUTH back on; a Microsoft 365 tenant does, and needs it on
  // even for OAuth sign-in (SMTP AUTH with XOAUTH2 is still SMTP AUTH)
  if (ctx.provider?.oauthOnly && ctx.provider.id === 'outlook') {
    return {
      title: `${ctx.provider.name} no longer accepts passwords for sending`,
      explanation: `Microsoft has retired basic authentication for ${ctx.provider.name}, so its SMTP server refuses every password, app passwords included. The account needs Microsoft sign-in (OAuth).`,
      fix: openUrl(ctx.provider.helpUrl, `Open Microsoft’s help for ${ctx.provider.name} mail apps`),
    }
  }
  if (ctx.family === 'microsoft') {
    return {
      title: 'Sending with a password is switched off for this mailbox',
      explanation:
        'Microsoft 365 turns SMTP AUTH off by default. An admin must enable Authenticated SMTP for this mailbox (Microsoft 365 admin center → Users → Mail → Manage email apps), and security defaults or an authentication policy must not block basic authentication. Outlook.com accounts cannot turn it back on: they need Microsoft sign-in (OAuth).',
      fix: openUrl(PROVIDER_PAGES.microsoftSmtpAuth, 'Show your admin how to enable SMTP AUTH'),
    }
  }
  // a server that offers no AUTH at all: a relay or an MX on port 25, or submission switched off
  if (ctx.input.port === 25) {
    return {
      title: 'This port takes no sign-in: it is for mail between servers',
      explanation:
        'Port 25 is for servers passing mail to each other, and this server offers no sign-in on it. Mail apps send through the submission port, 587 with STARTTLS (or 465 with SSL/TLS).',
      fix: switchFix({ port: 587, security: 'starttls' }),
    }
  }
  return {
    title: `${ctx.name} does not offer password sign-in for sending`,
    explanation:
      'The server offers no way to sign in on this port, so no password was sent. It may be a relay for one network only, or sign-in for sending is switched off. Ask the provider which server and port accept sign-in for sending.',
    fix: { kind: 'contact-admin', label: 'Ask your provider which outgoing server accepts sign-in' },
  }
}

function oauthInvalid(ctx: DescribeContext): Description {
  const who = ctx.family === 'google' || ctx.family === 'microsoft' ? brand(ctx) : 'The provider'
  return {
    title: `${who} no longer accepts the saved sign-in`,
    explanation:
      'The authorization was revoked or has expired: after a password change, when access was removed, after a long time unused, or (for a Google app still in testing) after 7 days. Sign in again to renew it.',
    // a probe that signed in with a token knows the way back is a new sign-in; pasted text may be anyone's
    fix:
      ctx.input.auth === 'oauth2'
        ? signInFix(signInKind(ctx), true)
        : { kind: 'replace-password', label: 'Sign in again' },
  }
}

function accountDisabled(ctx: DescribeContext): Description {
  const zoho = ctx.provider?.id === 'zoho'
  return {
    title: zoho ? 'Zoho has blocked sending from this account' : 'This account is disabled or locked',
    explanation: zoho
      ? 'Zoho blocks outgoing mail after unusual activity until the account is unblocked. Sign in to Zoho Mail on the web and follow the unblock prompt, or ask your organization admin.'
      : 'The provider has suspended or locked the account. Sign in on the web to see why, or ask your administrator.',
    fix: { kind: 'contact-admin', label: 'Check the account on the web or with your admin' },
  }
}

function simple(title: string, explanation: string, fix: Description['fix']): Describer {
  return () => ({ title, explanation, fix })
}

export const ACCESS_DESCRIBERS: Record<AccessCause, Describer> = {
  app_password_required: appPassword,
  invalid_credentials: invalidCredentials,
  web_login_required: webLogin,
  imap_disabled: imapDisabled,
  pop_disabled: popDisabled,
  smtp_auth_disabled: smtpAuthDisabled,
  oauth_token_invalid: oauthInvalid,
  account_disabled: accountDisabled,
  too_many_connections: (ctx) => ({
    title: 'Too many mail apps are connected to this account',
    explanation: `The server limits how many connections one account may open at once${ctx.family === 'google' ? ' (Gmail allows 15)' : ''}. Close other mail apps or devices for a moment, then test again.`,
    fix: { kind: 'retry-later', label: 'Close other mail apps, then try again' },
  }),
  rate_limited: simple(
    'The server is slowing down sign-in attempts',
    'After several attempts in a short time the server refuses new ones for a while. Wait a few minutes before testing again.',
    { kind: 'retry-later', label: 'Wait a few minutes, then try again' },
  ),
  sending_limit: (ctx) => ({
    title: 'This account has reached its sending limit',
    explanation:
      ctx.family === 'microsoft'
        ? 'Microsoft limits how much a mailbox may send, and holds new or unverified Outlook.com accounts to a low limit. Sending works again when the limit resets, usually within 24 hours; verifying the account on the web can lift it.'
        : 'The provider limits how much mail an account may send per day. Sending works again when the limit resets, usually within 24 hours.',
    fix:
      ctx.family === 'google'
        ? openUrl(PROVIDER_PAGES.googleSendingLimits, 'Read Gmail’s sending limits')
        : { kind: 'retry-later', label: 'Try again tomorrow' },
  }),
  sender_not_allowed: (ctx) => {
    if (ctx.family === 'google') {
      return {
        title: 'Gmail will not send from this address',
        explanation: 'Gmail only sends from addresses you have added under Settings → Accounts → “Send mail as”.',
        fix: openUrl(PROVIDER_PAGES.gmailSendAs, 'Open Gmail’s “Send mail as” settings'),
      }
    }
    if (ctx.family === 'microsoft') {
      return {
        title: 'This mailbox may not send as that address',
        explanation:
          'Microsoft only sends from the mailbox’s own addresses unless an admin grants “Send As” permission for the other address.',
        fix: { kind: 'contact-admin', label: 'Ask your admin for Send As permission' },
      }
    }
    return {
      title: 'The server will not send from this address',
      explanation: 'The account may only send from its own address or from aliases the provider has verified.',
      fix: { kind: 'check-settings', field: 'email', label: 'Check the sender address' },
    }
  },
  auth_required_before_send: simple(
    'The server wants you to sign in before sending',
    'The outgoing server only accepts mail from signed-in users. Make sure sending uses the same username and password as receiving.',
    { kind: 'check-settings', field: 'username', label: 'Check the outgoing sign-in' },
  ),
}
