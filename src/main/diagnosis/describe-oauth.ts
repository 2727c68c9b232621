import type { Cause, Fix } from '../../shared/diagnosis.js'
import type { OAuthProviderKind } from '../../shared/oauth.js'
import { mailScopeFor, OAUTH_PRESETS } from '../../shared/providers.js'
import type { DescribeContext, Describer, Description } from './describe-context.js'
import { openUrl } from './fixes.js'

export type OAuthCause = 'oauth_required' | 'oauth_client_rejected' | 'oauth_consent_required'

/** Whose sign-in it is: Google or Microsoft by the provider's family, else the user's own (custom) client. */
export function signInKind(ctx: DescribeContext): OAuthProviderKind {
  if (ctx.family === 'google') return 'google'
  if (ctx.family === 'microsoft') return 'microsoft'
  return 'custom'
}

const BRAND: Record<OAuthProviderKind, string> = { google: 'Google', microsoft: 'Microsoft', custom: 'your provider' }

export function signInFix(kind: OAuthProviderKind, again = false): Fix {
  const label =
    kind === 'custom'
      ? `Sign in${again ? ' again' : ''} with OAuth`
      : `Sign in${again ? ' again' : ''} with ${BRAND[kind]}`
  return { kind: 'sign-in', provider: kind, label }
}

/** "client ID 1234…" for the words an admin needs, when the failure knows which client it was. */
function clientIdWords(ctx: DescribeContext): string {
  return ctx.input.oauthClientId ? ` (client ID ${ctx.input.oauthClientId})` : ''
}

function oauthRequired(ctx: DescribeContext): Description {
  // Exchange's 5.7.30 and "basic authentication" wording are Microsoft's; a known provider says whose
  const kind = ctx.family === 'google' ? 'google' : 'microsoft'
  const name = ctx.provider?.name ?? (kind === 'google' ? 'Google' : 'Microsoft')
  return {
    title: `${name} no longer accepts passwords from mail apps`,
    explanation:
      kind === 'microsoft'
        ? `Microsoft has switched off password (basic) sign-in for ${ctx.provider?.name ?? 'this mailbox'}: IMAP and POP since 2023, Outlook.com entirely since September 2024, and SMTP for Exchange Online by default from the end of 2026. Even the right password or an app password is refused. Sign in with Microsoft instead; Mailkey then keeps a sign-in token in your keychain, not a password.`
        : 'This account accepts no password from mail apps. Sign in with Google instead; Mailkey then keeps a sign-in token in your keychain, not a password.',
    fix: signInFix(kind),
  }
}

function clientRejected(ctx: DescribeContext): Description {
  const { input } = ctx
  const kind = signInKind(ctx)
  const text = `${input.text}\n${input.oauthError ?? ''}`
  if (input.oauthChallenge || input.grantedScope || /insufficient_scope|invalid_scope/i.test(text)) {
    const wanted =
      input.oauthChallenge?.scope ??
      (input.oauthProvider && input.oauthProvider !== 'custom' && input.protocol
        ? mailScopeFor(input.oauthProvider, input.protocol)
        : undefined)
    // "The server at imap.gmail.com (port 993)": the context's phrase, its first letter raised
    const server = `T${ctx.server.slice(1)}`
    return {
      title: 'The sign-in does not include access to mail',
      explanation: `${server} refused the token because it does not carry the mail permission${wanted ? ` (it needs the scope “${wanted}”)` : ''}${input.grantedScope ? `; the sign-in granted “${input.grantedScope}”` : ''}. Sign in again and leave the mail permission ticked on the consent screen, or correct the scope in the OAuth settings.`,
      fix: signInFix(kind, true),
    }
  }
  if (/admin_policy_enforced|org_internal|restricted by policies within your organization/i.test(text)) {
    return {
      title: 'Your organization allows only approved apps to sign in',
      explanation: `An administrator of the account’s organization lets only approved OAuth clients reach mail. Give them the client ID${clientIdWords(ctx)} to add to the trusted apps (Google Admin console → Security → API controls → App access control), then sign in again.`,
      fix: { kind: 'contact-admin', label: `Ask your admin to trust the client ID${clientIdWords(ctx)}` },
    }
  }
  const preset = kind === 'custom' ? undefined : OAUTH_PRESETS[kind]
  return {
    title: `${BRAND[kind] === 'your provider' ? 'The provider' : BRAND[kind]} does not accept this OAuth client`,
    explanation: `The sign-in was refused because of the OAuth client${clientIdWords(ctx)}: the client ID is unknown or mistyped, the client secret is wrong, the redirect URI http://127.0.0.1 is not registered, or the client is not allowed this kind of sign-in (${kind === 'microsoft' ? 'in Microsoft Entra, “Allow public client flows” must be on for a desktop app' : 'a desktop app needs the “Desktop app” client type'}). Check the client where it was registered, then sign in again.`,
    fix: preset
      ? openUrl(preset.consoleUrl, `Open the ${BRAND[kind]} OAuth client settings`)
      : { kind: 'none', label: 'Check the client ID, secret and endpoints' },
  }
}

function consentRequired(ctx: DescribeContext): Description {
  return {
    title: 'An administrator must approve this app for your organization',
    explanation: `Microsoft answered “Need admin approval”: your organization lets only an administrator consent to apps that read mail. A Global Administrator, Cloud Application Administrator or Application Administrator can approve it in the Microsoft Entra admin center (Enterprise applications → Consent and permissions, or the admin consent request you can send from the sign-in page). Give them the client ID${clientIdWords(ctx)}, then sign in again.`,
    fix: {
      kind: 'contact-admin',
      label: `Ask your Microsoft 365 administrator to approve the app${clientIdWords(ctx)}`,
    },
  }
}

export const OAUTH_DESCRIBERS: Record<OAuthCause, Describer> = {
  oauth_required: oauthRequired,
  oauth_client_rejected: clientRejected,
  oauth_consent_required: consentRequired,
}

/** Authorization errors that mean the browser sign-in was declined or left unfinished. */
const DECLINED: ReadonlySet<string> = new Set([
  'access_denied',
  'interaction_required',
  'login_required',
  'account_selection_required',
])

const NETWORK: ReadonlySet<Cause> = new Set<Cause>([
  'connection_refused',
  'connection_timeout',
  'connection_reset',
  'dns_not_found',
  'server_unavailable',
  'certificate_untrusted',
  'certificate_hostname_mismatch',
  'certificate_expired',
  'unknown',
])

/**
 * A failure while getting the access token (the "authorizing" stage): the server named is the
 * provider's token endpoint, not a mail server, and a network failure there leaves the saved sign-in
 * as it was.
 */
export function duringAuthorizing(cause: Cause, ctx: DescribeContext, d: Description): Description {
  const kind = signInKind(ctx)
  // the user (or the provider's page) ended the sign-in in the browser: not a network failure at all
  // (RFC 6749 §4.1.2.1 access_denied; OpenID Connect Core §3.1.2.6 interaction/login/account_selection_required)
  if (DECLINED.has(ctx.input.oauthError ?? '')) {
    return {
      title: 'The sign-in was not allowed in the browser',
      explanation: `${BRAND[kind] === 'your provider' ? 'The provider' : BRAND[kind]} answered “${ctx.input.oauthError}”: the sign-in page was declined (Cancel, or “Don’t allow”) or was not finished. Nothing was saved. Sign in again and allow Mailkey to read and send your mail.`,
      fix: signInFix(kind, true),
    }
  }
  // a code refused on its first exchange: expired, used twice or its PKCE verifier did not match, with
  // nothing saved yet (a saved sign-in's refused refresh token is the stale case, described elsewhere)
  if (cause === 'oauth_token_invalid' && ctx.input.hasSavedSecret === false) {
    return {
      title: 'The sign-in could not be completed',
      explanation: `The provider refused to finish the sign-in (“invalid_grant”): its one-time code expired or was already used, often because the sign-in page was left open too long or opened twice. Nothing was saved. Sign in again.`,
      fix: signInFix(kind, true),
    }
  }
  if (!NETWORK.has(cause)) return d
  const { host, port } = ctx.input
  const endpoint = host ? `${host}${port ? ` port ${port}` : ''}` : ''
  return {
    title: `The sign-in server did not answer${endpoint ? ` (${endpoint})` : ''}`,
    explanation: `Before connecting to the mail servers Mailkey renews its access token at the provider’s token endpoint. ${d.explanation} The saved sign-in was kept; nothing needs to be signed in again.`,
    fix:
      cause === 'dns_not_found' || cause === 'connection_refused' ? d.fix : { kind: 'retry-later', label: 'Try again' },
  }
}
