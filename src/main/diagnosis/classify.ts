import type { Cause } from '../../shared/diagnosis.js'
import { factsOf, type Facts, type Rule } from './facts.js'
import type { DiagnosisInput } from './input.js'
import { ACCOUNT_RULES, CREDENTIALS_RULE } from './rules/account.js'
import { CONNECTION_LIMIT_RULE, LIMIT_RULES } from './rules/limits.js'
import { outlookCode } from './rules/mail-apps.js'
import { NETWORK_RULES, TEMPORARY_RULE } from './rules/network.js'
import { OAUTH_CLIENT_RULES, OAUTH_REQUIRED_RULE, SIGN_IN_KIND_RULES } from './rules/oauth.js'
import { OFFICE_RULES } from './rules/office.js'
import { SESSION_RULES, TRANSACTION_RULES } from './rules/smtp.js'
import { causeFromCodes } from './rules/status-codes.js'
import { CERTIFICATE_RULES, TLS_MODE_RULE } from './rules/tls.js'

/** One step of the classifier: a cause, or no opinion. */
type Judge = (f: Facts) => Cause | undefined

const byRule =
  (r: Rule): Judge =>
  (f) =>
    r.when(f) ? r.cause : undefined

/**
 * The order is the policy: a server's reply often carries several hints (a 535 code and "app password",
 * an XOAUTH2 exchange and "too many connections"), and the most specific one names the cause. So: exact
 * TLS facts, then the OAuth sign-in's own refusals (consent, client, no password any more), named account
 * states, limits, session requirements, a login refused for its kind (password or token), a bare login
 * failure, the mail transaction; then what the codes alone say (reply, enhanced, response codes,
 * Outlook's error numbers) for words nobody listed; and the network, with "try again later" last.
 */
const JUDGES: readonly Judge[] = [
  ...[
    ...OFFICE_RULES,
    ...CERTIFICATE_RULES,
    TLS_MODE_RULE,
    CONNECTION_LIMIT_RULE,
    ...OAUTH_CLIENT_RULES,
    OAUTH_REQUIRED_RULE,
    ...ACCOUNT_RULES,
    ...LIMIT_RULES,
    ...SESSION_RULES,
    ...SIGN_IN_KIND_RULES,
    CREDENTIALS_RULE,
    ...TRANSACTION_RULES,
  ].map(byRule),
  causeFromCodes,
  outlookCode,
  ...[...NETWORK_RULES, TEMPORARY_RULE].map(byRule),
]

/** Causes that say the password attempt itself was refused. */
const PASSWORD_REFUSALS: ReadonlySet<Cause> = new Set([
  'invalid_credentials',
  'app_password_required',
  'web_login_required',
  'smtp_auth_disabled',
  'account_disabled',
  'imap_disabled',
  'pop_disabled',
])

/** Where a client moved on to XOAUTH2: the command, a library naming it, or the server's JSON challenge. */
const OAUTH_ATTEMPT = /AUTH(?:ENTICATE)? XOAUTH2|Authenticator "?XOAUTH2"? returned|\b(?:334|\+) eyJ/i

function judge(facts: Facts): Cause {
  for (const j of JUDGES) {
    const cause = j(facts)
    if (cause) return cause
  }
  return 'unknown'
}

/**
 * Judged by what was tried first: a client that falls back to XOAUTH2 after the password was refused
 * (PHPMailer and Symfony try every mechanism the server lists) ends with a token error, but the
 * password's refusal is the cause (a `535 5.7.8` followed by Google's `334 eyJzdGF0dXMiOiI0MDAi…`).
 */
function beforeOAuthFallback(input: DiagnosisInput): Cause | undefined {
  const at = input.text.search(OAUTH_ATTEMPT)
  if (at <= 0) return undefined
  // a refusal by the server (a 4xx/5xx reply, an IMAP NO, a POP3 -ERR), not a library's error code
  if (!/(?:^|[\s"'(:])[45]\d\d[ -]|\bNO\b|-ERR\b/.test(input.text.slice(0, at))) return undefined
  // only the words before the fallback: a code given with the whole text may belong to its end
  const { protocol, port } = input
  const first = judge(
    factsOf({ text: input.text.slice(0, at), ...(protocol ? { protocol } : {}), ...(port ? { port } : {}) }),
  )
  return PASSWORD_REFUSALS.has(first) ? first : undefined
}

/** Maps a failure to exactly one cause from the vocabulary. */
export function classify(input: DiagnosisInput): Cause {
  return beforeOAuthFallback(input) ?? judge(factsOf(input))
}
