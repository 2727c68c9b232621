import { z } from 'zod'
import type { AccountView } from '../account.js'
import {
  CertificatePemSchema,
  CertificatePinSchema,
  ConnectionSettingsSchema,
  TlsMinimumSchema,
  TrustedCaSchema,
  type TrustedCa,
} from '../connection.js'
import type { Diagnosis } from '../diagnosis.js'
import type { KeychainHealth } from '../keychain.js'
import {
  EmailSchema,
  IncomingServerSchema,
  PasswordSchema,
  ServerSchema,
  UsernameSchema,
  type IncomingServer,
  type Server,
} from '../mail.js'
import type { ProbeReport, RoundTripReport, SendAttempt, StageEvent, TestReport } from '../report.js'
import type { Provider, ProviderId } from '../providers.js'
import type { Result } from '../result.js'
import type { Method } from './channels.js'

/**
 * The whole IPC surface, in one place (GitHub Desktop's ipc-shared.ts pattern). Channel names are
 * `domain:verb`. Every input is parsed in main with these schemas before a handler runs; strict
 * objects reject unknown keys.
 */

const PROVIDER_IDS = [
  'gmail',
  'google-workspace',
  'outlook',
  'microsoft-365',
  'yahoo',
  'aol',
  'icloud',
  'fastmail',
  'zoho',
  'gmx',
] as const satisfies readonly ProviderId[]

const ProviderIdSchema = z.enum(PROVIDER_IDS)

const TestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A test id is 1-64 letters, digits, - or _.')
const AccountIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An account id is 1-64 letters, digits, - or _.')

const NoInput = z.undefined()

const DetectProviderInput = z.strictObject({ email: EmailSchema })

/** Turning encryption off must be an explicit choice, never a default or a typo. */
const plaintextOptIn = {
  allowPlaintext: z.literal(true).optional(),
}

function requirePlaintextOptIn(v: {
  incoming?: IncomingServer | undefined
  outgoing?: Server | undefined
  outgoingFallbacks?: Server[] | undefined
  allowPlaintext?: true | undefined
}): boolean {
  const plaintext = [v.incoming, v.outgoing, ...(v.outgoingFallbacks ?? [])].some((s) => s?.security === 'none')
  return !plaintext || v.allowPlaintext === true
}

/**
 * Office connection options of a draft (issue 16): the proxy, TLS minimums, pins and CAs; the proxy's
 * password typed now (unset: the saved one, for the same proxy only); fallback outgoing servers.
 */
const officeFields = {
  connection: ConnectionSettingsSchema.optional(),
  proxyPassword: PasswordSchema.optional(),
  outgoingFallbacks: z.array(ServerSchema).max(5, 'At most 5 fallback servers.').optional(),
}
const PLAINTEXT_MESSAGE = 'Unencrypted connections need an explicit opt-in (allowPlaintext).'

/** A password typed now, or (editing a saved account) the one in the keychain: exactly one. */
const oneSecretSource = (v: { password?: string | undefined; accountId?: string | undefined }): boolean =>
  (v.password !== undefined) !== (v.accountId !== undefined)
const SECRET_SOURCE_MESSAGE = 'Give either the password or the saved account to take it from.'

export const ConnectionTestInput = z
  .strictObject({
    testId: TestIdSchema,
    email: EmailSchema,
    username: UsernameSchema.optional(),
    password: PasswordSchema.optional(),
    /** Test with this saved account's secrets instead of a typed password. */
    accountId: AccountIdSchema.optional(),
    incoming: IncomingServerSchema.optional(),
    outgoing: ServerSchema.optional(),
    timeoutMs: z.number().int().min(500).max(120_000).optional(),
    ...officeFields,
    ...plaintextOptIn,
  })
  .refine((v) => v.incoming !== undefined || v.outgoing !== undefined, 'Choose at least one server to test.')
  .refine(oneSecretSource, SECRET_SOURCE_MESSAGE)
  .refine(requirePlaintextOptIn, PLAINTEXT_MESSAGE)

const CancelTestInput = z.strictObject({ testId: TestIdSchema })

const SaveAccountFields = z.strictObject({
  email: EmailSchema,
  displayName: z.string().trim().max(200).optional(),
  username: UsernameSchema.optional(),
  providerId: ProviderIdSchema.nullable(),
  incoming: IncomingServerSchema,
  outgoing: ServerSchema,
  password: PasswordSchema.optional(),
  /** Editing a saved account: keep its secret (no password) or replace it. */
  accountId: AccountIdSchema.optional(),
  /** The test that proved this configuration; main checks it, the renderer's word is not enough. */
  testId: TestIdSchema.optional(),
  /** Reply-To of messages sent as the address (null: none). */
  replyTo: EmailSchema.nullable().optional(),
  ...officeFields,
  ...plaintextOptIn,
})

const hasSecret = (v: { password?: string | undefined; accountId?: string | undefined }): boolean =>
  v.password !== undefined || v.accountId !== undefined

export const SaveAccountInput = SaveAccountFields.refine(hasSecret, 'Enter the password.').refine(
  requirePlaintextOptIn,
  PLAINTEXT_MESSAGE,
)

/** Save only once both servers pass (and, if asked, the validation message arrived). */
const ValidateAndSaveInput = SaveAccountFields.extend({
  testId: TestIdSchema,
  validationMessage: z.boolean(),
})
  .refine(hasSecret, 'Enter the password.')
  .refine(requirePlaintextOptIn, PLAINTEXT_MESSAGE)

const AliasIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An alias id is 1-64 letters, digits, - or _.')

const AddAliasInput = z
  .strictObject({
    accountId: AccountIdSchema,
    name: z.string().trim().max(200),
    address: EmailSchema,
    replyTo: EmailSchema.optional(),
    treatAsAlias: z.boolean().optional(),
    /** Its own outgoing server (another provider, a relay); unset: the account's. */
    smtp: ServerSchema.optional(),
    /** Its own login on that server (e.g. `apikey` for SendGrid), with `password`. */
    smtpUsername: UsernameSchema.optional(),
    password: PasswordSchema.optional(),
    ...plaintextOptIn,
  })
  .refine(
    (v) =>
      (v.smtpUsername === undefined) === (v.password === undefined) &&
      (v.smtpUsername === undefined || v.smtp !== undefined),
    'An alias with its own login needs its server, username and password together.',
  )
  .refine((v) => v.smtp?.security !== 'none' || v.allowPlaintext === true, PLAINTEXT_MESSAGE)

const AliasRefInput = z.strictObject({ accountId: AccountIdSchema, aliasId: AliasIdSchema })
const SetDefaultAliasInput = z.strictObject({ accountId: AccountIdSchema, aliasId: AliasIdSchema.nullable() })
const CheckAliasInput = z.strictObject({
  accountId: AccountIdSchema,
  aliasId: AliasIdSchema,
  testId: TestIdSchema,
  /** Also send one message to the account's own address and read it back (opt-in). */
  roundTrip: z.boolean(),
})
const AccountRefInput = z.strictObject({ accountId: AccountIdSchema })
const SendTestInput = z.strictObject({
  accountId: AccountIdSchema,
  to: EmailSchema,
  aliasId: AliasIdSchema.optional(),
})

const RemoveAccountInput = z.strictObject({ id: AccountIdSchema })

/** An office CA the user picked (PEM text read from the file), to check before it joins a draft. */
const InspectCaInput = z.strictObject({ pem: CertificatePemSchema })

/** A saved account's trusted certificates: shown, added ("trust this certificate") and removed. */
const SetAccountTrustInput = z.strictObject({
  accountId: AccountIdSchema,
  pins: z.array(CertificatePinSchema).max(20),
  cas: z.array(TrustedCaSchema).max(10),
  /** The lowest TLS version per server (a diagnosis's one-click fix for one server); unset: unchanged. */
  minTls: z.array(TlsMinimumSchema).max(20).optional(),
})

const OpenExternalInput = z.strictObject({ url: z.string().max(2048) })

const RetestAccountInput = z.strictObject({ id: AccountIdSchema, testId: TestIdSchema })

const ResetCredentialsInput = z.strictObject({
  id: AccountIdSchema,
  testId: TestIdSchema,
  password: PasswordSchema,
})

const TranscriptInput = z.strictObject({ testId: TestIdSchema })

/** Error text pasted from any mail app; 10 000 characters is far more than any real message. */
export const ExplainErrorInput = z.strictObject({
  text: z.string().trim().min(1, 'Paste the error message.').max(10_000, 'That is too long for one error message.'),
  protocol: z.enum(['smtp', 'imap', 'pop3']).optional(),
  code: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'A code is letters, digits, dots, dashes or underscores.')
    .optional(),
})

/** A check of a saved account with its saved secret (or, for a reset, the new one). */
export interface AccountCheck {
  report: TestReport
  account: AccountView
}

/** An alias check, level by level (see Alias.lastCheck for what is kept). */
export interface AliasCheckResult {
  sender: ProbeReport
  roundTrip?: RoundTripReport
  account: AccountView
}

export interface ValidateResult {
  saved: boolean
  report: TestReport
  roundTrip?: RoundTripReport
  account?: AccountView
  /** Why nothing was saved, in plain words. */
  reason?: string
}

/**
 * A test message's outcome. `server`: the outgoing server that took it; `failedBefore`: the servers
 * tried before it (a fallback was used) or, when none took it, every server tried and why it failed.
 */
export type SendTestResult =
  | {
      sent: true
      messageId: string
      accepted: string[]
      rejected: string[]
      server?: Server
      failedBefore?: SendAttempt[]
    }
  | { sent: false; diagnosis: Diagnosis; failedBefore?: SendAttempt[] }

/** Told to the user once, at start: e.g. the settings file was damaged and moved aside. */
export interface AppNotice {
  kind: 'settings-recovered'
  message: string
}

export interface DetectedSettings {
  provider: Provider | null
  /**
   * Where the settings came from, shown to the user: the built-in preset for the domain, the
   * provider found from the domain's MX records, or a guess from the domain name.
   */
  source: 'preset' | 'mx' | 'guess'
  incoming: IncomingServer | null
  /** The other incoming choice (POP3 when IMAP is the default), when the provider offers one. */
  incomingAlternatives: IncomingServer[]
  outgoing: Server | null
  outgoingAlternatives: Server[]
  username: string
}

/** The input schema of every method; `satisfies` keeps this table and CHANNELS in step. */
export const INPUTS = {
  detectProvider: DetectProviderInput,
  testConnection: ConnectionTestInput,
  cancelTest: CancelTestInput,
  listAccounts: NoInput,
  saveAccount: SaveAccountInput,
  removeAccount: RemoveAccountInput,
  openExternal: OpenExternalInput,
  getNotices: NoInput,
  keychainStatus: NoInput,
  retestAccount: RetestAccountInput,
  resetCredentials: ResetCredentialsInput,
  listOrphans: NoInput,
  removeOrphans: NoInput,
  getTranscript: TranscriptInput,
  explainError: ExplainErrorInput,
  addAlias: AddAliasInput,
  removeAlias: AliasRefInput,
  setDefaultAlias: SetDefaultAliasInput,
  checkAlias: CheckAliasInput,
  exportIdentities: AccountRefInput,
  validateAndSave: ValidateAndSaveInput,
  sendTestMessage: SendTestInput,
  inspectCa: InspectCaInput,
  setAccountTrust: SetAccountTrustInput,
} as const satisfies Record<Method, z.ZodType>

export interface Outputs {
  detectProvider: DetectedSettings
  testConnection: TestReport
  cancelTest: { cancelled: boolean }
  listAccounts: AccountView[]
  saveAccount: AccountView
  removeAccount: { removed: boolean }
  openExternal: { opened: true }
  getNotices: { notices: AppNotice[] }
  keychainStatus: KeychainHealth
  retestAccount: AccountCheck
  /** `saved`: both servers accepted the new secret and it replaced the old one; else nothing changed. */
  resetCredentials: AccountCheck & { saved: boolean }
  /** Keychain entry names (never secrets) that belong to no saved account. */
  listOrphans: { keys: string[] }
  removeOrphans: { removed: number }
  /** The redacted protocol exchange of a finished test, per side, for support. */
  getTranscript: { incoming?: string; outgoing?: string }
  explainError: Diagnosis
  addAlias: AccountView
  removeAlias: AccountView
  setDefaultAlias: AccountView
  checkAlias: AliasCheckResult
  /** The account's identities as text to hand on: never a secret. */
  exportIdentities: { text: string }
  validateAndSave: ValidateResult
  sendTestMessage: SendTestResult
  /** The CA as an account keeps it (subject, SHA-256), or INVALID_INPUT saying why it is not one. */
  inspectCa: TrustedCa
  setAccountTrust: AccountView
}

export type InputOf<M extends Method> = z.input<(typeof INPUTS)[M]>
export type ParsedInput<M extends Method> = z.output<(typeof INPUTS)[M]>

type ApiMethod<M extends Method> = [InputOf<M>] extends [undefined]
  ? () => Promise<Result<Outputs[M]>>
  : (input: InputOf<M>) => Promise<Result<Outputs[M]>>

/** `window.mailkey`: one function per channel plus the progress subscription. */
export type MailkeyApi = { readonly [M in Method]: ApiMethod<M> } & {
  readonly onTestProgress: (listener: (event: StageEvent) => void) => () => void
}
