/**
 * Channel names only (no schemas), so the sandboxed preload can bundle them without zod.
 * `domain:verb`; the key is the `window.mailkey` function name.
 */
export const CHANNELS = {
  detectProvider: 'providers:detect',
  confirmHost: 'providers:confirm-host',
  cancelDetection: 'providers:cancel-detect',
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
  listBackups: 'settings:backups',
  dismissBackup: 'settings:dismiss-backup',
  checkAllAccounts: 'accounts:check-all',
  cancelCheckAll: 'accounts:check-all-cancel',
  setFilter: 'filters:set',
  previewFilter: 'filters:preview',
  exportFilter: 'filters:export',
  uploadFilter: 'filters:upload',
  oauthAuthorize: 'oauth:authorize',
  oauthCancel: 'oauth:cancel',
  oauthDiscover: 'oauth:discover',
  exportAccount: 'accounts:export',
  listGroups: 'groups:list',
  createGroup: 'groups:create',
  renameGroup: 'groups:rename',
  removeGroup: 'groups:remove',
  assignGroup: 'groups:assign',
  addToGroup: 'groups:add-mailbox',
  exportAccounts: 'accounts:export-many',
  importAccounts: 'accounts:import',
  inspectCa: 'trust:inspect-ca',
  setAccountTrust: 'accounts:set-trust',
  getPreferences: 'preferences:get',
  setPreferences: 'preferences:set',
} as const

export type Method = keyof typeof CHANNELS
export const METHODS = Object.keys(CHANNELS) as Method[]

/** Main → renderer events. */
export const EVENTS = {
  testProgress: 'connection:progress',
  checkAllProgress: 'accounts:check-all-progress',
  discoveryProgress: 'discovery:progress',
  /** A saved account's standing changed without the window asking (the background re-check). */
  accountChanged: 'accounts:changed',
} as const
