import {
  OAuthClientInput,
  type OAuthClient,
  type OAuthGrantInfo,
  type OAuthProviderKind,
  type OAuthSettings,
} from '../../../shared/oauth.js'
import { OAUTH_PRESETS, type Provider } from '../../../shared/providers.js'

/** The OAuth client as the user fills it in: every field text, the secret included until it is sent. */
export interface OAuthDraft {
  provider: OAuthProviderKind
  clientId: string
  clientSecret: string
  authorizationEndpoint: string
  tokenEndpoint: string
  revocationEndpoint: string
  scope: string
  issuer: string
  /** The finished sign-in (main keeps its tokens until the account is saved). */
  grant: OAuthGrantInfo | null
}

export type OAuthField = Exclude<keyof OAuthDraft, 'provider' | 'grant'>

export type OAuthProblems = Partial<Record<OAuthField, string>>

/**
 * A blank client for a kind of sign-in, its endpoints and scope filled from the provider Mailkey found
 * for the address (the catalog's `oauth` block) or from the Google/Microsoft preset; custom starts empty.
 */
export function oauthDraftFor(kind: OAuthProviderKind, provider: Provider | null): OAuthDraft {
  const preset = provider?.oauth?.kind === kind ? provider.oauth : kind === 'custom' ? undefined : OAUTH_PRESETS[kind]
  return {
    provider: kind,
    clientId: '',
    clientSecret: '',
    authorizationEndpoint: preset?.authorizationEndpoint ?? '',
    tokenEndpoint: preset?.tokenEndpoint ?? '',
    revocationEndpoint: preset?.revocationEndpoint ?? '',
    scope: preset?.scope ?? '',
    issuer: preset?.issuer ?? '',
    grant: null,
  }
}

/** A saved account's client, to sign in again or edit (its secret stays in the keychain). */
export function oauthDraftOf(settings: OAuthSettings): OAuthDraft {
  return {
    provider: settings.provider,
    clientId: settings.clientId,
    clientSecret: '',
    authorizationEndpoint: settings.authorizationEndpoint,
    tokenEndpoint: settings.tokenEndpoint,
    revocationEndpoint: settings.revocationEndpoint ?? '',
    scope: settings.scope,
    issuer: settings.issuer ?? '',
    grant: null,
  }
}

const optional = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim())

/** What main gets: the client (secret only when typed); main checks it again with the same schema. */
export function oauthClientOf(draft: OAuthDraft): OAuthClient | { problems: OAuthProblems } {
  const input = {
    provider: draft.provider,
    clientId: draft.clientId.trim(),
    clientSecret: draft.clientSecret === '' ? undefined : draft.clientSecret,
    authorizationEndpoint: optional(draft.authorizationEndpoint),
    tokenEndpoint: optional(draft.tokenEndpoint),
    revocationEndpoint: optional(draft.revocationEndpoint),
    scope: optional(draft.scope),
    issuer: optional(draft.issuer),
  }
  const parsed = OAuthClientInput.safeParse(
    Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  )
  if (parsed.success) return parsed.data
  const problems: OAuthProblems = {}
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] as OAuthField | undefined) ?? missingField(draft)
    if (field && !problems[field]) problems[field] = issue.message
  }
  return { problems }
}

/** The custom client's cross-field rule names no field: point at the first empty one. */
function missingField(draft: OAuthDraft): OAuthField | undefined {
  if (!draft.authorizationEndpoint.trim()) return 'authorizationEndpoint'
  if (!draft.tokenEndpoint.trim()) return 'tokenEndpoint'
  if (!draft.scope.trim()) return 'scope'
  return undefined
}

/** "Sign in with Google", "Sign in with Microsoft", or for anyone else's server "Sign in with OAuth". */
export function signInLabel(kind: OAuthProviderKind): string {
  return kind === 'google'
    ? 'Sign in with Google'
    : kind === 'microsoft'
      ? 'Sign in with Microsoft'
      : 'Sign in with OAuth'
}
