import type { Account, SavedOAuthGrant } from '../../shared/account.js'
import { GROUP_LIMITS, type Group } from '../../shared/group.js'
import { OAUTH_PROVIDER_KINDS } from '../../shared/oauth-kinds.js'
import { FILTER_LIMITS } from '../../shared/filters/limits.js'
import { DEFAULT_PREFERENCES, ISPDB_BASE_MAX_LENGTH, type Preferences } from '../../shared/preferences.js'

/** What the settings file holds. No secret ever: those live in the keychain. */
// a type alias, not an interface: conf's options want Record<string, unknown>
export type SettingsData = {
  schemaVersion: number
  accounts: Account[]
  oauthGrants: SavedOAuthGrant[]
  groups: Group[]
  /** App-wide preferences (v8): the provider database discovery asks. */
  preferences: Preferences
}

export const SCHEMA_VERSION = 8

export const SETTINGS_DEFAULTS: SettingsData = {
  schemaVersion: SCHEMA_VERSION,
  accounts: [],
  oauthGrants: [],
  groups: [],
  preferences: DEFAULT_PREFERENCES,
}

const endpoint = { type: 'string', minLength: 1, maxLength: 2048 } as const

/** An OAuth client without its secret (shared/oauth.ts OAuthSettings). */
const oauthSettings = {
  type: 'object',
  additionalProperties: false,
  required: [
    'provider',
    'clientId',
    'authorizationEndpoint',
    'tokenEndpoint',
    'revocationEndpoint',
    'scope',
    'issuer',
    'grantedScope',
    'hasClientSecret',
  ],
  properties: {
    provider: { enum: [...OAUTH_PROVIDER_KINDS] },
    clientId: { type: 'string', minLength: 1, maxLength: 512 },
    authorizationEndpoint: endpoint,
    tokenEndpoint: endpoint,
    revocationEndpoint: { anyOf: [{ type: 'null' }, endpoint] },
    scope: { type: 'string', minLength: 1, maxLength: 1024 },
    issuer: { anyOf: [{ type: 'null' }, endpoint] },
    grantedScope: { type: ['string', 'null'], maxLength: 1024 },
    hasClientSecret: { type: 'boolean' },
  },
} as const

const server = (withProtocol: boolean) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: withProtocol ? ['protocol', 'host', 'port', 'security'] : ['host', 'port', 'security'],
    properties: {
      ...(withProtocol ? { protocol: { enum: ['imap', 'pop3'] } } : {}),
      host: { type: 'string', minLength: 1, maxLength: 253 },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      security: { enum: ['tls', 'starttls', 'none'] },
    },
  }) as const

const staleCredential = {
  anyOf: [
    { type: 'null' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['since', 'side', 'cause', 'reason'],
      properties: {
        since: { type: 'string', maxLength: 40 },
        side: { enum: ['incoming', 'outgoing', 'both'] },
        cause: { enum: ['invalid_credentials', 'app_password_required', 'oauth_token_invalid'] },
        reason: { type: 'string', maxLength: 500 },
      },
    },
  ],
} as const

const checkOutcome = (extra: Record<string, unknown> = {}) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['ok', 'title'],
    properties: {
      ok: { type: 'boolean' },
      title: { type: 'string', maxLength: 300 },
      cause: { type: 'string', maxLength: 40 },
      ...extra,
    },
  }) as const

const alias = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'address', 'replyTo', 'treatAsAlias', 'smtp', 'smtpUsername', 'isDefault', 'lastCheck'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', maxLength: 200 },
    address: { type: 'string', maxLength: 254 },
    replyTo: { type: ['string', 'null'], maxLength: 254 },
    treatAsAlias: { type: 'boolean' },
    smtp: { anyOf: [{ type: 'null' }, server(false)] },
    smtpUsername: { type: ['string', 'null'], maxLength: 320 },
    isDefault: { type: 'boolean' },
    lastCheck: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['at', 'sender'],
          properties: {
            at: { type: 'string', maxLength: 40 },
            sender: checkOutcome(),
            roundTrip: checkOutcome({ rewritten: { type: 'boolean' } }),
          },
        },
      ],
    },
  },
} as const

const filterList = (maxLength: number) =>
  ({
    type: 'array',
    maxItems: FILTER_LIMITS.entries,
    uniqueItems: true,
    items: { type: 'string', minLength: 1, maxLength },
  }) as const

/** An account's incoming filter (shared/filters/filter.ts); the IPC contract checks each entry in full. */
const incomingFilter = {
  anyOf: [
    { type: 'null' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['mode', 'addresses', 'domains', 'keywords', 'ignored'],
      properties: {
        mode: { enum: ['allow', 'ignore'] },
        addresses: filterList(FILTER_LIMITS.length.addresses),
        domains: filterList(FILTER_LIMITS.length.domains),
        keywords: filterList(FILTER_LIMITS.length.keywords),
        ignored: {
          anyOf: [
            {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'folder'],
              properties: {
                kind: { const: 'folder' },
                folder: { type: 'string', minLength: 1, maxLength: FILTER_LIMITS.folder },
              },
            },
            {
              type: 'object',
              additionalProperties: false,
              required: ['kind'],
              properties: { kind: { const: 'discard' } },
            },
          ],
        },
      },
    },
  ],
} as const

const hostPort = {
  host: { type: 'string', minLength: 1, maxLength: 253 },
  port: { type: 'integer', minimum: 1, maximum: 65535 },
} as const

const pem = { type: 'string', maxLength: 16384 } as const

/** Office connection options (src/shared/connection.ts); the proxy's password is in the keychain. */
const connection = {
  type: 'object',
  additionalProperties: false,
  required: ['proxy', 'minTls', 'pins', 'cas'],
  properties: {
    proxy: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'host', 'port', 'username'],
          properties: {
            kind: { enum: ['socks5', 'http'] },
            ...hostPort,
            username: { type: ['string', 'null'], maxLength: 255 },
          },
        },
      ],
    },
    minTls: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['host', 'port', 'version'],
        properties: { ...hostPort, version: { enum: ['1.0', '1.1', '1.2', '1.3'] } },
      },
    },
    pins: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['host', 'port', 'spki', 'anchor', 'subject'],
        properties: {
          ...hostPort,
          spki: { type: 'string', pattern: '^sha256/[A-Za-z0-9+/]{43}=$' },
          anchor: { anyOf: [{ type: 'null' }, pem] },
          subject: { type: 'string', maxLength: 500 },
        },
      },
    },
    cas: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['pem', 'subject', 'fingerprint256'],
        properties: {
          pem,
          subject: { type: 'string', maxLength: 500 },
          fingerprint256: { type: 'string', maxLength: 95 },
        },
      },
    },
  },
} as const

/** Groups of accounts with shared servers (shared/group.ts); names are unique, compared case-blind by the service. */
export const GROUPS_SCHEMA = {
  type: 'array',
  maxItems: GROUP_LIMITS.count,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'defaults', 'createdAt'],
    properties: {
      id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
      name: { type: 'string', minLength: 1, maxLength: GROUP_LIMITS.name },
      defaults: {
        type: 'object',
        additionalProperties: false,
        required: ['incoming', 'outgoing'],
        properties: {
          incoming: server(true),
          outgoing: server(false),
          login: { enum: ['address', 'local-part'] },
          connection,
        },
      },
      createdAt: { type: 'string', maxLength: 40 },
    },
  },
} as const

/**
 * JSON Schema for conf/electron-store (validated with ajv on every read and write). Unknown keys are
 * refused everywhere, the root included, so a secret can never slip in under a new name.
 */
export const SETTINGS_SCHEMA = {
  schemaVersion: { type: 'integer', minimum: 1 },
  accounts: {
    type: 'array',
    maxItems: 500,
    items: {
      type: 'object',
      additionalProperties: false,
      required: [
        'id',
        'email',
        'displayName',
        'username',
        'providerId',
        'incoming',
        'outgoing',
        'outgoingUsername',
        'createdAt',
        'lastVerifiedAt',
        'stale',
        'aliases',
        'filter',
        'oauth',
        'replyTo',
        'outgoingFallbacks',
        'connection',
      ],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
        email: { type: 'string', maxLength: 254 },
        displayName: { type: 'string', maxLength: 200 },
        username: { type: 'string', maxLength: 320 },
        providerId: { type: ['string', 'null'], maxLength: 40 },
        incoming: server(true),
        outgoing: server(false),
        outgoingUsername: { type: ['string', 'null'], maxLength: 320 },
        createdAt: { type: 'string', maxLength: 40 },
        lastVerifiedAt: { type: ['string', 'null'], maxLength: 40 },
        lastCheckedAt: { type: ['string', 'null'], maxLength: 40 },
        stale: staleCredential,
        aliases: { type: 'array', maxItems: 100, items: alias },
        filter: incomingFilter,
        oauth: { anyOf: [{ type: 'null' }, oauthSettings] },
        groupId: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' }] },
        replyTo: { type: ['string', 'null'], maxLength: 254 },
        outgoingFallbacks: { type: 'array', maxItems: 5, items: server(false) },
        connection,
      },
    },
  },
  oauthGrants: {
    type: 'array',
    maxItems: 500,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'email', 'oauth', 'createdAt'],
      properties: {
        id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
        email: { type: 'string', maxLength: 254 },
        oauth: oauthSettings,
        createdAt: { type: 'string', maxLength: 40 },
      },
    },
  },
  groups: GROUPS_SCHEMA,
  // the service checks the URL itself (shared/preferences.ts); the file only bounds it
  preferences: {
    type: 'object',
    additionalProperties: false,
    required: ['ispdbBase'],
    properties: { ispdbBase: { type: ['string', 'null'], minLength: 1, maxLength: ISPDB_BASE_MAX_LENGTH } },
  },
} as const

export const SETTINGS_ROOT_SCHEMA = { additionalProperties: false } as const
