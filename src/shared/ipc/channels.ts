/**
 * Channel names only (no schemas), so the sandboxed preload can bundle them without zod.
 * `domain:verb`; the key is the `window.mailkey` function name.
 */
export const CHANNELS = {
  detectProvider: 'providers:detect',
  testConnection: 'connection:test',
  cancelTest: 'connection:cancel',
  listAccounts: 'accounts:list',
  saveAccount: 'accounts:save',
  removeAccount: 'accounts:remove',
  openExternal: 'app:open-external',
  getNotices: 'app:notices',
  keychainStatus: 'keychain:status',
  retestAccount: 'accounts:retest',
  resetCredentials: 'accounts:reset-credentials',
  listOrphans: 'credentials:orphans',
  removeOrphans: 'credentials:remove-orphans',
  getTranscript: 'connection:transcript',
  explainError: 'diagnosis:explain',
  addAlias: 'aliases:add',
  removeAlias: 'aliases:remove',
  setDefaultAlias: 'aliases:set-default',
  checkAlias: 'aliases:check',
  exportIdentities: 'aliases:export',
  validateAndSave: 'accounts:validate-and-save',
  sendTestMessage: 'mail:send-test',
  inspectCa: 'trust:inspect-ca',
  setAccountTrust: 'accounts:set-trust',
} as const

export type Method = keyof typeof CHANNELS
export const METHODS = Object.keys(CHANNELS) as Method[]

/** Main → renderer events. */
export const EVENTS = {
  testProgress: 'connection:progress',
} as const
