import type { AccountView } from '../../../shared/account.js'

const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g

/** Addresses in the pasted text, lower-cased, in order, once each. */
export function addressesIn(text: string): string[] {
  return [...new Set((text.match(ADDRESS) ?? []).map((a) => a.toLowerCase()))]
}

/**
 * The saved accounts a pasted message is about: those it names by address or by server, else (when it
 * names none) every saved account, for the user to pick. At most `max`.
 */
export function accountsToTest(text: string, accounts: readonly AccountView[], max = 4): AccountView[] {
  const lower = text.toLowerCase()
  const named = accounts.filter(
    (a) =>
      lower.includes(a.email.toLowerCase()) ||
      lower.includes(a.incoming.host.toLowerCase()) ||
      lower.includes(a.outgoing.host.toLowerCase()),
  )
  return (named.length > 0 ? named : accounts).slice(0, max)
}

/** An address the message names that is not saved yet: the one to set up (and so test) in the wizard. */
export function addressToSetUp(text: string, accounts: readonly AccountView[]): string | null {
  const saved = new Set(accounts.map((a) => a.email.toLowerCase()))
  return addressesIn(text).find((a) => !saved.has(a)) ?? null
}
