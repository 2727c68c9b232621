import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import type { SavedOAuthGrant } from '../../shared/account.js'
import { EmailSchema } from '../../shared/mail.js'
import {
  ClientSecretSchema,
  DEFAULT_AUTHORIZE_TIMEOUT_MS,
  OAuthClientInput,
  OAUTH_PROVIDER_KINDS,
  type OAuthClient,
  type OAuthProviderKind,
  type OAuthSettings,
} from '../../shared/oauth.js'
import { PROVIDERS, providerForAddress } from '../../shared/providers.js'
import { failedSignIn } from '../accounts/oauth-sign-in.js'
import { revokeSignIn } from '../accounts/revoke-sign-in.js'
import type { Services } from '../services.js'
import { cliServices, refuseWhileAppRuns } from './cli-services.js'
import { EXIT, parseFlag, readSecret, UsageError, type CliIo } from './io.js'
import { openInBrowser } from './open-browser.js'

const OPTIONS = {
  provider: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret-stdin': { type: 'boolean' },
  'auth-url': { type: 'string' },
  'token-url': { type: 'string' },
  scope: { type: 'string' },
  'no-browser': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

/** Where a re-authorization takes its client from: the sign-in already saved for the address. */
function savedSettings(s: Services, email: string): OAuthSettings | undefined {
  const account = s.accounts.findByEmail(email)
  return account?.oauth ?? s.oauthGrants.findByEmail(email)?.oauth
}

async function clientFrom(v: Values, email: string, s: Services, io: CliIo): Promise<OAuthClient> {
  const kind = v.provider ?? providerForAddress(email, PROVIDERS)?.oauth?.kind ?? savedSettings(s, email)?.provider
  if (kind === undefined) {
    throw new UsageError('say --provider google|microsoft|custom (Mailkey does not know how this address signs in)')
  }
  if (!(OAUTH_PROVIDER_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError('--provider must be google, microsoft or custom')
  }
  const saved = savedSettings(s, email)
  const reuse = saved && saved.provider === kind && v['client-id'] === undefined ? saved : undefined
  const clientId = v['client-id'] ?? reuse?.clientId
  if (!clientId)
    throw new UsageError('--client-id is required (register your own OAuth client; see mailkey oauth --help)')
  let clientSecret: string | undefined
  if (v['client-secret-stdin'])
    clientSecret = parseFlag(ClientSecretSchema, await readSecret(io.stdin), 'client secret')
  else if (reuse?.hasClientSecret)
    clientSecret = (await s.credentials.oauthSecrets(ownerIdOf(s, email) ?? ''))?.clientSecret ?? undefined
  const input = {
    provider: kind as OAuthProviderKind,
    clientId,
    ...(clientSecret !== undefined ? { clientSecret } : {}),
    ...((v['auth-url'] ?? reuse?.authorizationEndpoint)
      ? { authorizationEndpoint: v['auth-url'] ?? reuse?.authorizationEndpoint }
      : {}),
    ...((v['token-url'] ?? reuse?.tokenEndpoint) ? { tokenEndpoint: v['token-url'] ?? reuse?.tokenEndpoint } : {}),
    ...(reuse?.revocationEndpoint ? { revocationEndpoint: reuse.revocationEndpoint } : {}),
    ...((v.scope ?? reuse?.scope) ? { scope: v.scope ?? reuse?.scope } : {}),
    ...(reuse?.issuer ? { issuer: reuse.issuer } : {}),
  }
  if (kind === 'custom' && (!input.authorizationEndpoint || !input.tokenEndpoint || !input.scope)) {
    throw new UsageError('--provider custom needs --auth-url, --token-url and --scope')
  }
  const parsed = OAuthClientInput.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const flag = {
      authorizationEndpoint: '--auth-url',
      tokenEndpoint: '--token-url',
      scope: '--scope',
      clientId: '--client-id',
    }[String(issue?.path[0] ?? '')]
    throw new UsageError(`${flag ? `${flag}: ` : ''}${issue?.message ?? 'invalid OAuth client'}`)
  }
  return parsed.data
}

function ownerIdOf(s: Services, email: string): string | undefined {
  return s.accounts.findByEmail(email)?.id ?? s.oauthGrants.findByEmail(email)?.id
}

function timeoutFrom(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_AUTHORIZE_TIMEOUT_MS
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1000 || n > 3_600_000) {
    throw new UsageError('--timeout-ms must be a whole number of milliseconds between 1000 and 3600000')
  }
  return n
}

async function authorizeCommand(email: string, v: Values, io: CliIo): Promise<number> {
  const { services: s, dir } = await cliServices(io)
  const timeoutMs = timeoutFrom(v['timeout-ms'])
  const client = await clientFrom(v, email, s, io)
  if (refuseWhileAppRuns(dir, io)) return EXIT.failed
  const open = async (url: string): Promise<void> => {
    if (v['no-browser']) {
      io.stderr.write(`${url}\n`)
      return
    }
    io.stderr.write(`Opening your browser to sign in. If it does not open, visit:\n${url}\n`)
    await openInBrowser(url).catch(() => undefined)
  }
  const { settings, clientSecret } = await s.signIn.client({ email, client })
  let done
  try {
    done = await s.signIn.run(`cli-${Date.now()}`, settings, clientSecret, { email, timeoutMs }, open)
  } catch (e) {
    const failed = failedSignIn(e, settings.provider)
    if (v.json) io.stdout.write(`${JSON.stringify({ ok: false, ...failed })}\n`)
    else if (failed.signedIn === false && failed.reason === 'timeout') io.stderr.write(`mailkey: ${failed.message}\n`)
    else if (failed.signedIn === false && failed.reason === 'refused') {
      const d = failed.diagnosis
      io.stderr.write(`mailkey: ${d.title} [${d.cause}]\n  ${d.explanation}\n`)
      if (d.serverText) io.stderr.write(`  The provider said: ${d.serverText}\n`)
      io.stderr.write(
        `  Fix: ${d.fix.label}${d.fix.kind === 'open-url' ? ` (${d.fix.url})` : ''}\nNothing was saved.\n`,
      )
    }
    return EXIT.failed
  }
  const oauth: OAuthSettings = { ...settings, grantedScope: done.tokens.scope }
  const secrets = { refreshToken: done.tokens.refreshToken, clientSecret }
  const account = s.accounts.findByEmail(email)
  if (account) {
    await s.accounts.save({ ...account, accountId: account.id, oauth: { settings: oauth, secrets }, verifiedAt: null })
  } else {
    const existing = s.oauthGrants.findByEmail(email)
    const grant: SavedOAuthGrant = {
      id: existing?.id ?? `oauth-${randomBytes(9).toString('base64url')}`,
      email,
      oauth,
      createdAt: new Date().toISOString(),
    }
    await s.credentials.storeOAuth(grant.id, secrets)
    s.oauthGrants.put(grant)
  }
  const expiresIn = Math.max(0, Math.round((done.tokens.expiresAt - Date.now()) / 1000))
  if (v.json) {
    io.stdout.write(`${JSON.stringify({ ok: true, provider: oauth.provider, scope: done.tokens.scope, expiresIn })}\n`)
  } else {
    io.stdout.write(
      `Signed in ${email} with ${oauth.provider}; the sign-in is saved in the keychain (scope ${done.tokens.scope}).\nTest it: mailkey test --email ${email} --auth oauth2\n`,
    )
  }
  return EXIT.ok
}

async function revokeCommand(email: string, v: Values, io: CliIo): Promise<number> {
  const { services: s, dir } = await cliServices(io)
  const account = s.accounts.findByEmail(email)
  const grant = s.oauthGrants.findByEmail(email)
  const owner = account?.oauth ? account : grant
  if (!owner) {
    io.stderr.write(`mailkey: no OAuth sign-in saved for ${email}\n`)
    return EXIT.failed
  }
  if (refuseWhileAppRuns(dir, io)) return EXIT.failed
  const result = await revokeSignIn(s.credentials, owner)
  if (grant && owner === grant) s.oauthGrants.remove(grant.id)
  if (account?.oauth) {
    s.accounts.update({
      ...account,
      stale: {
        since: new Date().toISOString(),
        side: 'both',
        cause: 'oauth_token_invalid',
        reason: 'The sign-in was revoked with mailkey oauth revoke; sign in again to use the account.',
      },
    })
  }
  if (v.json) io.stdout.write(`${JSON.stringify({ ok: true, ...result })}\n`)
  else
    io.stdout.write(
      result.revoked
        ? `Revoked the sign-in of ${email} at the provider and deleted it from the keychain.\n`
        : `${result.reason} The sign-in of ${email} was deleted from the keychain.\n`,
    )
  return EXIT.ok
}

/** `mailkey oauth authorize|revoke ADDR`: the browser sign-in, without the window. */
export async function runOAuthCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: OPTIONS })
  } catch (e) {
    throw new UsageError((e as Error).message)
  }
  const [sub, address, ...extra] = parsed.positionals
  if (sub !== 'authorize' && sub !== 'revoke') {
    throw new UsageError(sub ? `unknown oauth command "${sub.slice(0, 40)}"` : 'oauth needs authorize or revoke')
  }
  if (!address || extra.length) throw new UsageError(`oauth ${sub} takes one address`)
  const email = parseFlag(EmailSchema, address, 'ADDR')
  return sub === 'authorize' ? authorizeCommand(email, parsed.values, io) : revokeCommand(email, parsed.values, io)
}
