import { code, either, has, type Facts, type Rule } from '../facts.js'
import { LOGIN_REFUSED } from './client-stacks.js'
import { APP_LOGIN_REFUSED } from './mail-apps.js'

/**
 * An XOAUTH2 token the server refused: the decoded challenge's HTTP-style status (Google's and
 * Microsoft's `{"status":"400","schemes":"Bearer","scope":…}`, gmail-oauth2-tools#78), or a refusal
 * that names the mechanism.
 */
function oauthRefused(f: Facts): boolean {
  return f.structure.oauth.some((c) => /^4\d\d$/.test(c.status ?? ''))
}

/** Refusals that name their reason, from the most specific to the least. They run before any "auth failed". */
export const ACCOUNT_RULES: readonly Rule[] = [
  {
    // Gmail 534-5.7.14 and [ALERT]/[WEBALERT] lines; Outlook.com's 5.3.4 ("sign in to your account",
    // which MailCore names "cannot connect to WebMail", mailcore2#1203)
    cause: 'web_login_required',
    when: has(
      /log ?in (via|with|using|through) (your|the|a) web ?browser|WebLoginRequired|Web login required|\[WEBALERT|answer[=/]78754|\b5\.7\.14\b|To continue sending messages, please sign in|cannot connect to WebMail/i,
    ),
  },
  {
    // Yahoo and AOL answer a normal password with "#AUTH005 Too many bad auth attempts" even on the
    // first try; every report ends with "use an app password" (nodemailer#1112, maildroid#17).
    cause: 'app_password_required',
    when: has(
      /Application-specific password required|InvalidSecondFactor|app(lication)?[- ]specific password|app password (is )?required|#AUTH005|authorization code to log ?in|\b5\.7\.9\b(?!\s+Authentication mechanism)/i,
    ),
  },
  {
    // Microsoft: the tenant's SmtpClientAuthenticationDisabled, retired basic auth, security defaults;
    // the probe's own finding that the server advertised no AUTH at all (SMTP_NO_AUTH)
    cause: 'smtp_auth_disabled',
    when: either(
      code('SMTP_NO_AUTH'),
      has(
        /SmtpClientAuthentication is disabled|smtp_auth_disabled|basic authentication is disabled|SMTP AUTH (is )?disabled|Authenticated SMTP (is )?disabled|did not meet the criteria to be authenticated/i,
      ),
    ),
  },
  {
    // The token endpoint's refusals, and XOAUTH2 failures: a decoded 4xx challenge, an AUTHENTICATE
    // XOAUTH2 that the server refused, Exchange's "Invalid XOAUTH2 auth data"
    cause: 'oauth_token_invalid',
    when: either(
      oauthRefused,
      has(
        /invalid_grant|Token has been expired or revoked|AADSTS\d{5,}|AccessTokenExpired|access token (has )?expired|create new access token|xoauth2handler|XOAUTH2 (auth(entication)? )?failed|Invalid XOAUTH2|AUTHENTICATE XOAUTH2[\s\S]{0,300}?(NO |failed|Invalid credentials)|command: '?AUTH XOAUTH2|auth \[XOAUTH2/i,
      ),
    ),
  },
  {
    cause: 'imap_disabled',
    when: has(
      /not enabled for IMAP use|IMAP access is disabled|IMAP (access )?(is )?(disabled|not enabled)|yet to enable IMAP|IMAP use is disabled/i,
    ),
  },
  {
    cause: 'pop_disabled',
    when: has(/not enabled for POP access|POP3? (access )?(is )?(disabled|not enabled)|pop not allowed/i),
  },
  {
    // Zoho blocks the sender ("554 5.1.8 Sender Address Blocked") until the user unblocks it on the web;
    // hosting control panels suspend or hold an account's outgoing mail (cPanel's Exim:
    // "Domain x has an outgoing mail suspension", "… an outgoing mail hold"; "Restricted for sending spam")
    cause: 'account_disabled',
    when: either(
      code('AccountDisabled'),
      has(
        /account (has been |is )?(disabled|suspended|locked|blocked|deactivated)|User account is disabled|mailbox (is )?disabled|Sender Address Blocked|Outgoing Blocked|bad outbound sender|\[CONTACTADMIN\]|outgoing (e-?mail|mail|messages?)\b.{0,80}?\b(has been|is|was) (suspended|disabled|blocked|on hold|restricted)|outgoing mail (suspension|hold)|(sending|outgoing mail) (has been |is )?(suspended|restricted) for|Restricted for sending spam/i,
      ),
    ),
  },
]

/** A login the server refused without saying why: after every named reason, before the network rules. */
export const CREDENTIALS_RULE: Rule = {
  cause: 'invalid_credentials',
  when: either(
    (f) => f.input.authFailed === true,
    code('EAUTH', '535'),
    has(
      // Office 365 answers a wrong IMAP password with a LOGIN "OK" and then "User is authenticated but not
      // connected" on the next command (imapsync FAQ, quoted in imapsync#411)
      /AUTHENTICATIONFAILED|Invalid credentials|Username and Password not accepted|BadCredentials|answer=14257|\b5\.7\.8\b|\b535\b|Authentication (failed|unsuccessful|credentials invalid)|Invalid (login|user(name)? or password|username\/password|password)|LOGIN failed|AUTHENTICATE failed|incorrect (username|password|authentication)|wrong (username|password)|bad (user ?name|password)|-ERR \[AUTH\]|\[AUTH\]|authentication rejected|Logon failure|password (is )?incorrect|User is authenticated but not connected|denied authentication|Could not authenticate|Password command failed|LoginBadCredentials|authorization failed|access for the given username and password/i,
    ),
    has(LOGIN_REFUSED),
    has(APP_LOGIN_REFUSED),
  ),
}
