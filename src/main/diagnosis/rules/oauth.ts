import { mailScopeFor, providerById } from '../../../shared/providers.js'
import { either, has, type Facts, type Rule } from '../facts.js'

/** The token endpoint's or the authorization response's error code (RFC 6749 §4.1.2.1, §5.2). */
const oauthError =
  (...codes: string[]) =>
  (f: Facts): boolean =>
    f.input.oauthError !== undefined && codes.includes(f.input.oauthError)

/**
 * The scope a refused token lacked: the server's failure challenge names the scope it wants
 * (RFC 7628 §3.2.2; Gmail's XOAUTH2 challenge says `"scope":"https://mail.google.com/"`), and the token
 * was granted without it, or the challenge says `insufficient_scope` outright. Google's consent screen
 * lets a user untick the mail permission; a custom client may simply ask for the wrong scope.
 */
function scopeMissing(f: Facts): boolean {
  const { oauthChallenge: challenge, authFailed, oauthProvider, protocol } = f.input
  if (!challenge && !authFailed) return false
  if (challenge && /^(insufficient_scope|403)$/i.test(challenge.status)) return true
  const granted = new Set(f.input.grantedScope?.split(/\s+/).filter(Boolean) ?? [])
  if (granted.size === 0) return false
  // the server names the scope it wants (Gmail does; Dovecot says only "invalid_token"), or the
  // provider's own mail scope for this protocol is known
  const wanted = challenge?.scope?.split(/\s+/).filter(Boolean) ?? []
  if (wanted.length > 0) return !wanted.some((s) => granted.has(s))
  return oauthProvider !== undefined && oauthProvider !== 'custom' && protocol !== undefined
    ? !granted.has(mailScopeFor(oauthProvider, protocol))
    : false
}

/**
 * Refusals of the OAuth sign-in itself, before any rule that reads them as a bad token ("AADSTS…"
 * numbers are all Microsoft sign-in errors, but these name an admin or the client, not the token).
 */
export const OAUTH_CLIENT_RULES: readonly Rule[] = [
  {
    // Microsoft: AADSTS65001 (nobody consented), AADSTS90094 ("Need admin approval": only an admin may
    // consent for the organization), the consent_required / admin_consent_required error codes
    cause: 'oauth_consent_required',
    when: either(
      oauthError('consent_required', 'admin_consent_required'),
      has(
        /AADSTS(65001|90094|90008)\b|admin_consent_required|consent_required|Need(s)? admin approval|has not consented to use the application|only an admin can grant/i,
      ),
    ),
  },
  {
    // The client itself is refused: unknown or misconfigured (invalid_client, AADSTS700016 "not found
    // in the directory", AADSTS7000218 a public-client flow that is switched off, AADSTS50011 and
    // Google's redirect_uri_mismatch), not allowed this grant or scope, or blocked by an admin policy
    // (Google's admin_policy_enforced: a Workspace that trusts only listed client IDs)
    cause: 'oauth_client_rejected',
    when: either(
      oauthError(
        'invalid_client',
        'unauthorized_client',
        'invalid_scope',
        'redirect_uri_mismatch',
        'admin_policy_enforced',
        'org_internal',
      ),
      scopeMissing,
      has(
        /invalid_client|unauthorized_client|redirect_uri_mismatch|invalid_scope|insufficient_scope|admin_policy_enforced|org_internal|AADSTS(700016|7000218|7000215|700025|50011|70001|650053|7000112)\b|The OAuth client was not found|Access to your account data is restricted by policies within your organization/i,
      ),
    ),
  },
]

/**
 * The server or provider takes no password any more, only OAuth: Exchange Online's 5.7.30 for SMTP
 * submission, basic auth switched off for IMAP/POP (permanent at Microsoft since 2023). Before the
 * account rules, which read "basic authentication is disabled" as SMTP AUTH being off.
 */
export const OAUTH_REQUIRED_RULE: Rule = {
  cause: 'oauth_required',
  when: either(
    // 5.7.30 is Exchange Online's "Basic authentication is not supported for Client Submission", also
    // when a client logs the code alone (never part of an address or a version: no digit or dot around)
    has(/(?<![\d.])5\.7\.30(?![\d.])|BasicAuthBlocked/i),
    (f) =>
      (f.input.protocol === 'imap' || f.input.protocol === 'pop3') &&
      /basic auth(entication)? (is )?(disabled|not supported|blocked)/i.test(f.all),
    (f) =>
      f.input.auth === 'password' &&
      oauthOnlyProvider(f) &&
      /basic auth(entication)? (is )?(disabled|not supported|blocked)/i.test(f.all),
  ),
}

function oauthOnlyProvider(f: Facts): boolean {
  const id = f.input.providerId
  return id !== null && id !== undefined && providerById(id).oauthOnly === true
}

/**
 * A refused login that the sign-in kind explains, right before the bare "credentials refused" rule:
 * a password refused by a provider that accepts only OAuth (Outlook.com, Microsoft 365 answer just
 * "AUTHENTICATE failed"), and a token refused by the server (expired, revoked, or issued for another
 * user), which a new sign-in fixes, not a new password.
 */
export const SIGN_IN_KIND_RULES: readonly Rule[] = [
  {
    cause: 'oauth_required',
    when: (f) => f.input.auth === 'password' && oauthOnlyProvider(f) && refusedLogin(f),
  },
  {
    cause: 'oauth_token_invalid',
    when: (f) => f.input.auth === 'oauth2' && (refusedLogin(f) || f.input.oauthChallenge !== undefined),
  },
]

/** The server refused the credentials (a probe's flag, or a reply a login failure gives). */
function refusedLogin(f: Facts): boolean {
  return (
    f.input.authFailed === true ||
    f.codes.some((c) => c === 'EAUTH' || c === '535') ||
    /AUTHENTICATIONFAILED|AUTHENTICATE failed|LOGIN failed|Authentication (failed|unsuccessful)|-ERR \[AUTH\]/i.test(
      f.all,
    )
  )
}
