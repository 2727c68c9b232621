import { assertNever } from '../../../shared/result.js'
import type { IncomingServer, Server, Side } from '../../../shared/mail.js'
import { incomingDraft, serverDraft, withPort, withProtocol, withSecurity } from '../lib/server-draft.js'
import { incomingChoices, type Setup } from './setup.js'
import type { ServerChange } from './wizard-state.js'

/** One edit in the servers editor; port and security move together, IMAP ↔ POP3 takes the provider's server. */
export function changeServer(setup: Setup, side: 'incoming' | 'outgoing', change: ServerChange): Setup {
  if (side === 'incoming') {
    const d = setup.incoming
    switch (change.field) {
      case 'host':
        return { ...setup, incoming: { ...d, host: change.value } }
      case 'port':
        return { ...setup, incoming: withPort(d, change.value) }
      case 'security':
        return { ...setup, incoming: withSecurity(d, d.protocol, change.value) }
      case 'protocol':
        return { ...setup, incoming: withProtocol(d, change.value, incomingChoices(setup)) }
      default:
        return assertNever(change)
    }
  }
  const d = setup.outgoing
  switch (change.field) {
    case 'host':
      return { ...setup, outgoing: { ...d, host: change.value } }
    case 'port':
      return { ...setup, outgoing: withPort(d, change.value) }
    case 'security':
      return { ...setup, outgoing: withSecurity(d, 'smtp', change.value) }
    case 'protocol':
      return setup // outgoing mail is always SMTP
    default:
      return assertNever(change)
  }
}

/**
 * Another discovered server for one side. Choosing an incoming server brings its source's user name
 * along (it signs in to both servers); an outgoing choice keeps the name.
 */
export function chooseServer(
  setup: Setup,
  choice: { side: Side; server: IncomingServer | Server; username: string },
): Setup {
  if (choice.side === 'outgoing') return { ...setup, outgoing: serverDraft(choice.server) }
  if (!('protocol' in choice.server)) return setup
  return { ...setup, incoming: incomingDraft(choice.server), username: choice.username }
}

/** A separate outgoing login on (starting empty, so nothing is signed in with a guessed name) or off. */
export function toggleOutgoingLogin(setup: Setup, on: boolean): Setup {
  if (on) return setup.outgoingLogin ? setup : { ...setup, outgoingLogin: { username: '', password: '' } }
  return { ...setup, outgoingLogin: null }
}
