/**
 * The one door to the OS keychain. Secrets go in and, for main-process consumers only, come out;
 * nothing here is ever exposed over IPC. The library behind it (keytar) can be swapped.
 */
export interface SecretStore {
  set(key: string, secret: string): Promise<void>
  /** The secret, or null when there is none. Main process only. */
  get(key: string): Promise<string | null>
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>
  /** Every key stored under the service (not the secrets). */
  keys(): Promise<string[]>
}

/** Keychain entry names: `<accountId>:<purpose>` (issue #4). One app password serves both servers. */
export const secretKey = {
  incoming: (accountId: string): string => `${accountId}:incoming`,
  outgoing: (accountId: string): string => `${accountId}:outgoing`,
  alias: (accountId: string, aliasId: string): string => `${accountId}:alias:${aliasId}`,
  /** An OAuth sign-in's refresh token (issue 15): never an access token, those stay in memory. */
  oauthRefresh: (ownerId: string): string => `${ownerId}:oauth-refresh`,
  /** A confidential OAuth client's secret (Google's Desktop clients have one). */
  oauthClientSecret: (ownerId: string): string => `${ownerId}:oauth-client-secret`,
  /** The password of the account's proxy (issue 16). */
  proxy: (accountId: string): string => `${accountId}:proxy`,
  ofAccount: (accountId: string, key: string): boolean => key.startsWith(`${accountId}:`),
}
