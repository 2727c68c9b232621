import type { Account } from '../../shared/account.js'
import type { OAuthAuthorizeResult } from '../../shared/ipc/contract.js'
import {
  DEFAULT_AUTHORIZE_TIMEOUT_MS,
  type OAuthClient,
  type OAuthProviderKind,
  type OAuthSettings,
} from '../../shared/oauth.js'
import type { ProviderId } from '../../shared/providers.js'
import { AppError } from '../app-error.js'
import type { Credentials } from '../credentials/credentials.js'
import { diagnoseFailure } from '../mail/diagnose-failure.js'
import { Redactor } from '../mail/redact.js'
import { factsFrom, ProbeCancelled, ProbeFailure } from '../mail/probe-failure.js'
import { authorize, type Authorization, type ClientSettings } from '../oauth/authorize.js'
import { oauthSettings } from '../oauth/oauth-client.js'
import type { PendingGrants } from '../oauth/pending-grants.js'
import type { AccountsService } from './accounts-service.js'

export interface SignInDeps {
  accounts: AccountsService
  credentials: Credentials
  pending: PendingGrants
  /**
   * Opens the authorization page in the system browser. Main checks that the URL is the configured
   * authorization endpoint (url-allowlist.ts); the page never hands over a URL.
   */
  openAuthorization: (url: string, authorizationEndpoint: string) => Promise<void>
}

/** Which client a sign-in uses: one the user gives now, or a saved account's (signing in again). */
export type SignInClient = { client: OAuthClient } | { accountId: string }

export interface SignInRequest {
  email: string
  timeoutMs?: number | undefined
}

/**
 * "Sign in with Google / Microsoft / OAuth": runs the authorization in the system browser and keeps the
 * tokens in memory as a pending grant until a test proves them and the account is saved (or they
 * expire unused). One sign-in per flow id, cancellable by id.
 */
export class OAuthSignIn {
  private readonly flows = new Map<string, AbortController>()

  constructor(private readonly deps: SignInDeps) {}

  /**
   * Signs in: a pending grant on success; the timeout or the provider's refusal (diagnosed) otherwise.
   * CANCELLED when `cancel(flowId)` stopped it.
   */
  async authorize(
    flowId: string,
    req: SignInRequest & SignInClient,
    open: (url: string, endpoint: string) => Promise<void> = this.deps.openAuthorization,
  ): Promise<OAuthAuthorizeResult> {
    const { settings, clientSecret } = await this.client(req)
    try {
      const done = await this.run(flowId, settings, clientSecret, req, open)
      return {
        signedIn: true,
        grant: this.deps.pending.add(req.email, { ...settings, grantedScope: null }, clientSecret, done.tokens),
      }
    } catch (e) {
      return failedSignIn(e, settings.provider)
    }
  }

  /** Stops a sign-in that is waiting for the browser; false when none runs under that id. */
  cancel(flowId: string): boolean {
    const c = this.flows.get(flowId)
    c?.abort()
    return c !== undefined
  }

  /** Runs one authorization under `flowId` (the CLI saves its result itself). */
  async run(
    flowId: string,
    settings: Omit<OAuthSettings, 'grantedScope'>,
    clientSecret: string | null,
    req: SignInRequest,
    open: (url: string, endpoint: string) => Promise<void>,
  ): Promise<Authorization> {
    if (this.flows.has(flowId)) throw new AppError('INVALID_INPUT', 'A sign-in with this id is already running.')
    const controller = new AbortController()
    this.flows.set(flowId, controller)
    const client: ClientSettings = settings
    try {
      return await authorize({
        settings: client,
        clientSecret,
        loginHint: req.email,
        open: (url) => open(url, settings.authorizationEndpoint),
        timeoutMs: req.timeoutMs ?? DEFAULT_AUTHORIZE_TIMEOUT_MS,
        signal: controller.signal,
      })
    } finally {
      this.flows.delete(flowId)
    }
  }

  /** The client settings and secret: given now, or the saved account's (its secret from the keychain). */
  async client(
    req: SignInRequest & SignInClient,
  ): Promise<{ settings: Omit<OAuthSettings, 'grantedScope'>; clientSecret: string | null }> {
    if ('client' in req) return { settings: oauthSettings(req.client), clientSecret: req.client.clientSecret ?? null }
    const account: Account = this.deps.accounts.get(req.accountId)
    if (!account.oauth) throw new AppError('INVALID_INPUT', 'This account signs in with a password, not OAuth.')
    if (account.email.toLowerCase() !== req.email.toLowerCase())
      throw new AppError('INVALID_INPUT', 'That is another account’s address.')
    const secrets = await this.deps.credentials.oauthSecrets(account.id)
    const { grantedScope: _g, ...settings } = account.oauth
    return { settings, clientSecret: secrets?.clientSecret ?? null }
  }
}

/** The provider whose words a sign-in's refusal is explained in (Google's and Microsoft's differ). */
const PROVIDER_OF_KIND: Record<OAuthProviderKind, ProviderId | null> = {
  google: 'gmail',
  microsoft: 'microsoft-365',
  custom: null,
}

/** A sign-in that did not finish, as the page and the CLI show it. */
export function failedSignIn(e: unknown, kind: OAuthProviderKind): OAuthAuthorizeResult {
  if (e instanceof ProbeCancelled) throw new AppError('CANCELLED', 'The sign-in was cancelled.')
  if (e instanceof AppError) throw e
  const facts = factsFrom(e)
  if (facts.code === 'EOAUTHTIMEOUT') {
    return { signedIn: false, reason: 'timeout', message: `${facts.message}. Nothing was saved.` }
  }
  if (!(e instanceof ProbeFailure)) throw e
  return {
    signedIn: false,
    reason: 'refused',
    diagnosis: diagnoseFailure(facts, {
      stage: 'authorizing',
      providerId: PROVIDER_OF_KIND[kind],
      savedSecret: false,
      auth: 'oauth2',
      // a token endpoint's words hold no secret of the user's (the client secret is not echoed)
      redactor: new Redactor(),
    }),
  }
}
