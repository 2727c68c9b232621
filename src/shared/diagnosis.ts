import type { TlsVersion } from './connection.js'
import type { Security } from './mail.js'
import type { OAuthProviderKind } from './oauth.js'

/** The fixed diagnosis vocabulary (DESIGN.md). Add, never rename: CLI JSON and the UI rely on it. */
export const CAUSES = [
  'app_password_required',
  'invalid_credentials',
  'web_login_required',
  'imap_disabled',
  'pop_disabled',
  'smtp_auth_disabled',
  'too_many_connections',
  'rate_limited',
  'sending_limit',
  'auth_required_before_send',
  'starttls_required',
  'tls_mode_mismatch',
  'certificate_untrusted',
  'certificate_hostname_mismatch',
  'certificate_expired',
  'connection_refused',
  'connection_timeout',
  'dns_not_found',
  'connection_reset',
  'sender_not_allowed',
  'relay_denied',
  'oauth_token_invalid',
  // round 2 (issue 15): Microsoft and Google accounts that sign in with OAuth
  'oauth_required',
  'oauth_client_rejected',
  'oauth_consent_required',
  'auth_mechanism_unsupported',
  'account_disabled',
  'server_unavailable',
  'unknown',
  // round 2 (DESIGN.md): the proxy was unreachable, refused the login or refused the target
  'proxy_failed',
  // round 2: no TLS version in common with the server (distinct from the TLS mode, tls_mode_mismatch)
  'tls_version_unsupported',
] as const

export type Cause = (typeof CAUSES)[number]

/**
 * A fix the UI can offer as one action. `label` is the button or instruction text, written for people.
 */
export type Fix =
  | { kind: 'switch-security'; port: number; security: Security; label: string }
  | { kind: 'open-url'; url: string; label: string }
  | { kind: 'replace-password'; label: string }
  | { kind: 'check-settings'; field: 'email' | 'username' | 'host' | 'port' | 'password' | 'proxy'; label: string }
  /** Try once more with the other form of the user name (the full address, or the part before "@"). */
  | { kind: 'switch-username'; username: string; label: string }
  /** Lowers (or raises) the lowest TLS version for this one server, nothing else (issue 16). */
  | { kind: 'allow-tls-version'; host: string; port: number; version: TlsVersion; label: string }
  | { kind: 'retry-later'; label: string }
  | { kind: 'contact-admin'; label: string }
  /** Sign in with the provider in the browser (OAuth): the first time, or again after a revoked token. */
  | { kind: 'sign-in'; provider: OAuthProviderKind; label: string }
  | { kind: 'none'; label: string }

export interface Diagnosis {
  cause: Cause
  /** Plain-language headline, e.g. "Google needs an app password for Mailkey". */
  title: string
  /** One or two sentences on what happened and why. */
  explanation: string
  /** The server's own words, verbatim (trimmed, bounded), or '' when the server said nothing. */
  serverText: string
  fix: Fix
}
