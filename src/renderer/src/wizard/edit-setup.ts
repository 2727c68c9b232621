import type { AccountView } from '../../../shared/account.js'
import type { DetectedSettings } from '../../../shared/ipc/contract.js'
import type { IncomingServer, Server } from '../../../shared/mail.js'
import { PROVIDERS, type Provider } from '../../../shared/providers.js'
import { minTlsFor } from '../../../shared/connection.js'
import { oauthDraftOf } from '../lib/oauth-draft.js'
import { incomingDraft, serverDraft } from '../lib/server-draft.js'
import { proxyDraft } from './office-draft.js'
import type { Setup } from './setup.js'
import { serversState, type At } from './wizard-state.js'

function providerOf(account: AccountView): Provider | null {
  return PROVIDERS.find((p) => p.id === account.providerId) ?? null
}

/** The provider's other incoming choice (POP3 for an IMAP account and back), so the editor offers it. */
function otherIncoming(provider: Provider | null, current: IncomingServer): IncomingServer[] {
  if (!provider) return []
  return (['imap', 'pop3'] as const).flatMap((protocol) => {
    const preset = provider.incoming[protocol]
    return preset && protocol !== current.protocol ? [{ protocol, ...preset }] : []
  })
}

function otherOutgoing(provider: Provider | null, current: Server): Server[] {
  return (provider?.outgoing ?? []).filter((s) => s.host !== current.host || s.port !== current.port)
}

/** What the account was saved with, in the shape detection gives, so the wizard's steps work unchanged. */
function savedSettings(account: AccountView): DetectedSettings {
  const provider = providerOf(account)
  return {
    provider,
    source: 'preset',
    incoming: account.incoming,
    incomingAlternatives: otherIncoming(provider, account.incoming),
    outgoing: account.outgoing,
    outgoingAlternatives: otherOutgoing(provider, account.outgoing),
    username: account.username,
  }
}

export function editSetup(account: AccountView): Setup {
  return {
    email: account.email,
    displayName: account.displayName,
    username: account.username,
    detected: savedSettings(account),
    password: '',
    incoming: incomingDraft(account.incoming),
    outgoing: serverDraft(account.outgoing),
    accountId: account.id,
    // an OAuth account keeps its sign-in unless the user signs in again
    ...(account.oauth ? { signIn: oauthDraftOf(account.oauth) } : {}),
    ...(account.outgoingUsername !== null
      ? { outgoingLogin: { username: account.outgoingUsername, password: '' } }
      : {}),
    replyTo: account.replyTo ?? '',
    fallbacks: account.outgoingFallbacks.map(serverDraft),
    office: {
      // the saved proxy password stays in the keychain: empty here means "keep it" (for this proxy only)
      proxy: proxyDraft(account.connection.proxy),
      savedProxy: account.connection.proxy,
      minTls: {
        incoming: minTlsFor(account.connection, account.incoming),
        outgoing: minTlsFor(account.connection, account.outgoing),
      },
      pins: account.connection.pins,
      cas: account.connection.cas,
    },
    saved: { connection: account.connection, replyTo: account.replyTo, fallbacks: account.outgoingFallbacks },
  }
}

/** Editing a saved account opens on its servers, editor open; the saved password is kept unless replaced. */
export function editState(account: AccountView): At<'servers'> {
  return serversState(editSetup(account), { editing: true })
}
