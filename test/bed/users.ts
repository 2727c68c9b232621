import { readFileSync, renameSync, writeFileSync } from 'node:fs'

/**
 * The bed's mailboxes, Gmail-style: the app password works everywhere, the account's normal password is
 * refused with Google's "application-specific password required" texts, and a web-login-only account
 * gets Google's "log in via your web browser" texts.
 *
 * Both servers (Dovecot's Lua passdb and the SMTP submission server) read this table from one
 * tab-separated file on every login, so a test can change a password (Google revoking app passwords)
 * while the servers run.
 */
export interface BedUser {
  address: string
  appPassword?: string
  normalPassword?: string
  webLoginOnly?: boolean
  /** Other From addresses the SMTP server lets this user send as ("Send mail as" in Gmail). */
  aliases?: readonly string[]
  /**
   * What the SMTP server does with a From outside the user's own addresses: refuse it at MAIL FROM
   * (Postfix's reject_sender_login_mismatch, the default), silently rewrite it like Gmail (adding
   * X-Google-Original-From), or accept and drop the message (it never arrives).
   */
  senderPolicy?: SenderPolicy
}

export type SenderPolicy = 'reject' | 'rewrite' | 'discard'

export const BED_USERS = {
  alice: {
    address: 'alice@example.test',
    appPassword: 'abcdefghijklmnop',
    normalPassword: 'AliceNormalPassword1',
    aliases: ['alice.sales@example.test'],
  },
  twofa: { address: 'twofa@example.test', appPassword: 'qrstuvwxyzabcdef', normalPassword: 'NormalGooglePassword1' },
  weblogin: { address: 'weblogin@example.test', webLoginOnly: true },
  // its app password is changed by the stale-credential tests (Google revoking it); nobody else uses it
  rotating: { address: 'rotating@example.test', appPassword: 'rotatingapppassw', normalPassword: 'RotatingNormal1' },
  // the same, for the CLI reset tests (test files run in parallel, so each changes its own user)
  cliRotating: { address: 'cli-rotating@example.test', appPassword: 'clirotatingappwd' },
  // reset with an app password pasted in groups ("past edap ppas swrd"), by the CLI and over IPC
  pasted: { address: 'pasted@example.test', appPassword: 'pastedapppasswrd' },
  // the same, for the background re-check tests
  recheck: { address: 'recheck@example.test', appPassword: 'recheckapppasswd' },
  // Gmail-like: "Send mail as" holds one verified alias; any other From is silently replaced
  gmailish: {
    address: 'gina@example.test',
    appPassword: 'ginaappppassword',
    aliases: ['gina.verified@example.test'],
    senderPolicy: 'rewrite',
  },
  // mail to this mailbox is accepted and dropped: a round trip that never arrives
  lost: { address: 'lost@example.test', appPassword: 'lostapppassword1', senderPolicy: 'discard' },
  // another provider's account, used as an alias with its own SMTP login and secret
  other: { address: 'olaf@other.test', appPassword: 'olafappppassword' },
  // the incoming-filter tests upload a Sieve script for this mailbox; nobody else receives mail here
  filtered: { address: 'filtered@example.test', appPassword: 'filteredapppassw' },
  // a small office's own domain that publishes nothing: discovery guesses its servers (discovery zone)
  office: { address: 'kim@guess.test', appPassword: 'kimofficepasswrd' },
  // a domain whose SRV records name another company's hosts: the trust gate asks first
  away: { address: 'lee@srvaway.test', appPassword: 'leeawaypassword1' },
} as const satisfies Record<string, BedUser>

/** An office's mailboxes, for check-all (issue 17): office01@example.test … office20@example.test. */
export const OFFICE_USERS: readonly (BedUser & { appPassword: string })[] = Array.from({ length: 20 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0')
  return { address: `office${n}@example.test`, appPassword: `office${n}apppasswd` }
})

export type BedUserName = keyof typeof BED_USERS

function toLine(u: BedUser): string {
  return [
    u.address,
    u.appPassword ?? '',
    u.normalPassword ?? '',
    u.webLoginOnly ? '1' : '0',
    (u.aliases ?? []).join(','),
    u.senderPolicy ?? 'reject',
  ].join('\t')
}

export function writeUsers(file: string, users: readonly BedUser[]): void {
  // write-then-rename so a login never reads half a file
  writeFileSync(`${file}.tmp`, users.map(toLine).join('\n') + '\n')
  renameSync(`${file}.tmp`, file)
}

export function readUsers(file: string): BedUser[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [address = '', app = '', normal = '', web = '0', aliases = '', policy = 'reject'] = line.split('\t')
      return {
        address,
        ...(app ? { appPassword: app } : {}),
        ...(normal ? { normalPassword: normal } : {}),
        webLoginOnly: web === '1',
        aliases: aliases ? aliases.split(',') : [],
        senderPolicy: (['reject', 'rewrite', 'discard'].includes(policy) ? policy : 'reject') as SenderPolicy,
      }
    })
}

/** Replaces one user's app password (what Google does when the account password changes). */
export function setAppPassword(file: string, address: string, appPassword: string): void {
  const users = readUsers(file)
  const user = users.find((u) => u.address === address)
  if (!user) throw new Error(`no bed user ${address}`)
  user.appPassword = appPassword
  writeUsers(file, users)
}
