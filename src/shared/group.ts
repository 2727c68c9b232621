import type { ConnectionSettings } from './connection.js'
import type { IncomingServer, Server } from './mail.js'

/**
 * What a group's mailboxes share (issue 17): both servers, how a mailbox's login is made from its
 * address, and the office connection options (issue 16) every new mailbox starts with.
 */
export interface GroupDefaults {
  incoming: IncomingServer
  outgoing: Server
  /**
   * The user name a new mailbox signs in with: its whole address (most hosts), or only the part before
   * the @ (some cPanel and Dovecot setups with `auth_username_format = %n`). Absent: the address.
   */
  login?: 'address' | 'local-part'
  /**
   * The proxy, lowest TLS versions, trusted certificates and office CAs a new mailbox of the group
   * connects with (copied onto the account when it is added). Absent: a direct connection. The proxy's
   * password, if it names a user, is in the keychain under `<groupId>:proxy`.
   */
  connection?: ConnectionSettings
}

/** A named group of accounts (an office, a client); accounts point at it with `Account.groupId`. */
export interface Group {
  id: string
  name: string
  defaults: GroupDefaults
  createdAt: string
}

/** One account of a group, as the group list shows it. */
export interface GroupMember {
  id: string
  email: string
  lastVerifiedAt: string | null
  stale: boolean
}

export interface GroupView extends Group {
  members: GroupMember[]
}

/** Bounds the settings schema and the IPC contract share. */
export const GROUP_LIMITS = { name: 80, count: 100 } as const

/** The user name a mailbox of the group signs in with (the address unless the defaults say otherwise). */
export function groupLogin(defaults: GroupDefaults, email: string): string {
  if (defaults.login === 'local-part') {
    const at = email.lastIndexOf('@')
    return at > 0 ? email.slice(0, at) : email
  }
  return email
}
