import packageJson from '../../package.json' with { type: 'json' }

/**
 * Who Mailkey says it is to servers (IMAP ID, RFC 2971) and people. The version is package.json's, read
 * when the app is built (or, under Node's own loader, when it starts), so it never disagrees with the
 * release.
 */
export const APP_INFO = {
  name: 'Mailkey',
  version: packageJson.version,
  vendor: 'Mailkey',
} as const
