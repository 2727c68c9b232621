import { version } from '../../package.json'

/**
 * Who Mailkey says it is to servers (IMAP ID, RFC 2971) and people. The version is package.json's,
 * read at build time (the bundler keeps only this field), so it never disagrees with the release.
 */
export const APP_INFO = {
  name: 'Mailkey',
  version,
  vendor: 'Mailkey',
} as const
