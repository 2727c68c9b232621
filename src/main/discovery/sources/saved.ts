import type { Account } from '../../../shared/account.js'
import { parseDiscoveryAddress } from '../../../shared/discovery-address.js'
import { providerById } from '../../../shared/providers.js'
import type { Finding, Source } from '../types.js'

/** What the saved-accounts source reads of an account (never a secret). */
export type SavedAccount = Pick<
  Account,
  'email' | 'username' | 'providerId' | 'incoming' | 'outgoing' | 'lastVerifiedAt' | 'stale'
>

/** The saved accounts at an address domain (ASCII, lower case). */
export type SavedAccounts = (domain: string) => readonly SavedAccount[]

/**
 * A saved address's domain in the form discovery looks up (ASCII, an IDN as punycode, lower case), so
 * `bücher.example` and `xn--bcher-kva.example` are one domain whichever form either side was typed in.
 */
function domainOf(email: string): string {
  const parsed = parseDiscoveryAddress(email)
  return typeof parsed === 'string' ? email.slice(email.lastIndexOf('@') + 1).toLowerCase() : parsed.domain
}

/**
 * "Your saved accounts at this domain": the settings that already work for a colleague's mailbox, with
 * no network at all. It runs before the presets: a saved account was proven by a real sign-in from
 * this computer and network, and carries the office's own choices (POP3, port 587 where 465 is
 * blocked) that a generic preset does not. A relay login of the colleague's is not carried over: the
 * new mailbox signs in to the same servers as itself. Only accounts whose last check passed and whose password is
 * not stale count; the most recently proven wins. The user name form carries over: the whole address,
 * or the part before the `@`; a name of another kind cannot, so the new address is used.
 */
export function savedAccountsSource(saved: SavedAccounts): Source {
  return {
    id: 'saved',
    local: true,
    run({ address, catalog }) {
      const proven = saved(address.domain)
        .filter((a) => domainOf(a.email) === address.domain && a.lastVerifiedAt !== null && a.stale === null)
        .sort((a, b) => (b.lastVerifiedAt ?? '').localeCompare(a.lastVerifiedAt ?? ''))
      const account = proven[0]
      if (!account) return Promise.resolve(null)
      const localPart = account.email.slice(0, account.email.lastIndexOf('@'))
      const username = account.username.toLowerCase() === localPart.toLowerCase() ? address.localPart : address.address
      const via = `the saved account ${account.email}`
      const provider = account.providerId
        ? (catalog.find((p) => p.id === account.providerId) ?? providerById(account.providerId))
        : undefined
      const finding: Finding = {
        incoming: [{ server: account.incoming, username, via }],
        outgoing: [{ server: account.outgoing, username, via }],
        provider,
        signIn: provider?.signIn,
        savedFor: account.email,
        detail: `works for ${account.email}`,
      }
      return Promise.resolve(finding)
    },
  }
}
