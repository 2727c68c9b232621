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
import type { DiscoveryEvent, DiscoverySource, FoundServer, Lookup } from '../discovery.js'
import { EXPORT_FORMATS, type SaveOutcome } from '../export.js'
import type { KeychainHealth } from '../keychain.js'
import { checkIspdbBase, ISPDB_BASE_MAX_LENGTH, type PreferencesView } from '../preferences.js'
import { parseDiscoveryAddress } from '../discovery-address.js'
import { OAuthClientInput, OAuthEndpointSchema, type DiscoveredEndpoints, type OAuthGrantInfo } from '../oauth.js'
import {
  EmailSchema,
  HostSchema,
  IncomingServerSchema,
  PasswordSchema,
  ServerSchema,
  UsernameSchema,
  type IncomingServer,
  type Server,
} from '../mail.js'
import type { ProbeReport, RoundTripReport, SendAttempt, StageEvent, TestReport } from '../report.js'
import { PROVIDER_IDS, type Provider, type SignIn } from '../providers.js'
import type { Result } from '../result.js'
import type { Method } from './channels.js'
import { GROUP_INPUTS, type GroupOutputs } from './contract-groups.js'
import { OFFICE_INPUTS, type CheckAllEvent, type OfficeOutputs } from './contract-office.js'
import { TRANSFER_INPUTS, type TransferOutputs } from './contract-transfer.js'

/**
 * The whole IPC surface, in one place (GitHub Desktop's ipc-shared.ts pattern). Channel names are
 * `domain:verb`. Every input is parsed in main with these schemas before a handler runs; strict
 * objects reject unknown keys.
 */

const ProviderIdSchema = z.enum(PROVIDER_IDS)

const TestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A test id is 1-64 letters, digits, - or _.')
const AccountIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An account id is 1-64 letters, digits, - or _.')

const NoInput = z.undefined()

/**
 * Any address discovery can look up: besides what EmailSchema takes, an IDN domain (looked up as
 * punycode) and an address literal (`user@[192.0.2.1]`).
 */
const DiscoveryAddressSchema = z
  .string()
  .max(254, 'An email address is at most 254 characters.')
  .superRefine((value, ctx) => {
    const parsed = parseDiscoveryAddress(value)
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed })
  })
  .transform((value) => value.trim())

const DetectProviderInput = z.strictObject({
  email: DiscoveryAddressSchema,
  /** Also look for autoconfig over plain HTTP (the user allowed it); its settings need confirming. */
  allowHttp: z.literal(true).optional(),
})

/**
 * Stops the app's running discovery for an address (the user typed on, or left the step): its lookups
 * end at once, and it answers CANCELLED.
 */
const CancelDetectionInput = z.strictObject({ email: DiscoveryAddressSchema })

/** App-wide preferences: the provider database's address (checked in full), or null for Thunderbird's. */
const SetPreferencesInput = z.strictObject({
  ispdbBase: z
    .string()
    .max(ISPDB_BASE_MAX_LENGTH * 2, `The address is too long: at most ${ISPDB_BASE_MAX_LENGTH} characters.`)
    .superRefine((value, ctx) => {
      const checked = checkIspdbBase(value)
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message })
    })
    .nullable(),
})

/** The user confirmed a host discovery could not vouch for: a password may now be sent there. */
const ConfirmHostInput = z.strictObject({ email: EmailSchema, host: HostSchema })

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

/** An OAuth sign-in finished in this session (`oauthAuthorize`), not saved yet. */
const GrantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A sign-in id is 1-64 letters, digits, - or _.')

/**
 * A password typed now, a sign-in just finished (`grantId`, which may come with the account it is for),
 * or (editing a saved account) the one in the keychain: exactly one source.
 */
const oneSecretSource = (v: {
  password?: string | undefined
  accountId?: string | undefined
  grantId?: string | undefined
}): boolean =>
  v.grantId !== undefined ? v.password === undefined : (v.password !== undefined) !== (v.accountId !== undefined)
const SECRET_SOURCE_MESSAGE = 'Give either the password, the sign-in, or the saved account to take it from.'

/**
 * Sending may sign in as someone else (an SMTP relay, a host with separate logins): its user name, or
 * null for the one login on both servers; unset keeps what a saved account had. Its own password is
 * optional: without it, sending uses the saved one, else the same password as incoming.
 */
const outgoingLogin = {
  outgoingUsername: UsernameSchema.nullable().optional(),
  outgoingPassword: PasswordSchema.optional(),
}
const outgoingPasswordHasUser = (v: {
  outgoingUsername?: string | null | undefined
  outgoingPassword?: string | undefined
}): boolean => v.outgoingPassword === undefined || typeof v.outgoingUsername === 'string'
const OUTGOING_LOGIN_MESSAGE = 'A separate outgoing password needs the outgoing user name with it.'

export const ConnectionTestInput = z
  .strictObject({
    testId: TestIdSchema,
    email: EmailSchema,
    username: UsernameSchema.optional(),
    password: PasswordSchema.optional(),
    /** Test with this saved account's secrets instead of a typed password. */
    accountId: AccountIdSchema.optional(),
    /** Test with this OAuth sign-in (XOAUTH2) instead of a password. */
    grantId: GrantIdSchema.optional(),
    incoming: IncomingServerSchema.optional(),
    outgoing: ServerSchema.optional(),
    timeoutMs: z.number().int().min(500).max(120_000).optional(),
    ...outgoingLogin,
    ...officeFields,
    ...plaintextOptIn,
  })
  .refine((v) => v.incoming !== undefined || v.outgoing !== undefined, 'Choose at least one server to test.')
  .refine(oneSecretSource, SECRET_SOURCE_MESSAGE)
  .refine(outgoingPasswordHasUser, OUTGOING_LOGIN_MESSAGE)
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
  /** Sign in with OAuth instead of a password: the sign-in just finished (`oauthAuthorize`). */
  grantId: GrantIdSchema.optional(),
  /** Editing a saved account: keep its secret (no password) or replace it. */
  accountId: AccountIdSchema.optional(),
  /** The test that proved this configuration; main checks it, the renderer's word is not enough. */
  testId: TestIdSchema.optional(),
  ...outgoingLogin,
  /** Reply-To of messages sent as the address (null: none). */
  replyTo: EmailSchema.nullable().optional(),
  ...officeFields,
  ...plaintextOptIn,
})

const hasSecret = (v: {
  password?: string | undefined
  accountId?: string | undefined
  grantId?: string | undefined
}): boolean =>
  (v.password !== undefined || v.accountId !== undefined || v.grantId !== undefined) &&
  !(v.password !== undefined && v.grantId !== undefined)

export const SaveAccountInput = SaveAccountFields.refine(hasSecret, 'Enter the password.')
  .refine(requirePlaintextOptIn, PLAINTEXT_MESSAGE)
  .refine(outgoingPasswordHasUser, OUTGOING_LOGIN_MESSAGE)

/** Save only once both servers pass (and, if asked, the validation message arrived). */
const ValidateAndSaveInput = SaveAccountFields.extend({
  testId: TestIdSchema,
  validationMessage: z.boolean(),
})
  .refine(hasSecret, 'Enter the password.')
  .refine(requirePlaintextOptIn, PLAINTEXT_MESSAGE)
  .refine(outgoingPasswordHasUser, OUTGOING_LOGIN_MESSAGE)

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

/** Hand one account's settings on to another mail app: main makes the file and asks where to save it. */
const ExportAccountInput = z.strictObject({ accountId: AccountIdSchema, format: z.enum(EXPORT_FORMATS) })
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

/** The new secret: a password, or (an OAuth account signing in again) the sign-in just finished. */
const ResetCredentialsInput = z
  .strictObject({
    id: AccountIdSchema,
    testId: TestIdSchema,
    password: PasswordSchema.optional(),
    grantId: GrantIdSchema.optional(),
  })
  .refine((v) => (v.password === undefined) !== (v.grantId === undefined), 'Give the new password or the new sign-in.')

const FlowIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A sign-in flow id is 1-64 letters, digits, - or _.')

/**
 * "Sign in with …": the client given now (a new account) or a saved account's (signing in again); the
 * browser opens on main's side, at the configured authorization endpoint only.
 */
const OAuthAuthorizeInput = z
  .strictObject({
    flowId: FlowIdSchema,
    email: EmailSchema,
    client: OAuthClientInput.optional(),
    accountId: AccountIdSchema.optional(),
    timeoutMs: z
      .number()
      .int()
      .min(10_000)
      .max(30 * 60_000)
      .optional(),
  })
  .refine((v) => (v.client === undefined) !== (v.accountId === undefined), 'Give the OAuth client or the account.')

const OAuthCancelInput = z.strictObject({ flowId: FlowIdSchema })
const OAuthDiscoverInput = z.strictObject({ issuer: OAuthEndpointSchema })

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

/**
 * A settings file moved aside (damaged, too new, not a regular file...) and still kept. While it is,
 * the keychain keeps its accounts' passwords (they are not "leftover entries"); dismissing it says the
 * user is done with it.
 */
export interface SettingsBackupView {
  /** Its file name in the settings folder. */
  name: string
  /** Why it was moved aside: invalid-json, schema, newer-version, not-a-file, too-large. */
  reason: string
  /** When (ISO time). */
  at: string
  /** How many account ids it names. */
  accounts: number
}

const DismissBackupInput = z.strictObject({
  name: z.string().regex(/^settings\.[a-z-]+-[0-9TZ-]{24}\.json$/, 'Not a settings backup name.'),
})

/** Told to the user once, at start: e.g. the settings file was damaged and moved aside. */
export interface AppNotice {
  kind: 'settings-recovered'
  message: string
}

/** How a sign-in ended (cancelling it answers CANCELLED instead). */
export type OAuthAuthorizeResult =
  | { signedIn: true; grant: OAuthGrantInfo }
  | { signedIn: false; reason: 'timeout'; message: string }
  | { signedIn: false; reason: 'refused'; diagnosis: Diagnosis }

export interface DetectedSettings {
  provider: Provider | null
  /**
   * Where the chosen settings came from, shown to the user (DISCOVERY_SOURCES in shared/discovery.ts):
   * a saved account at the domain, the built-in preset, the domain's own autoconfig file (HTTPS or
   * `.well-known`), Thunderbird's provider database, the provider found from MX records, SRV records,
   * or a guess whose server answered.
   */
  source: DiscoverySource
  incoming: IncomingServer | null
  /** The other incoming choices (POP3 when IMAP is the default, other sources' findings). */
  incomingAlternatives: IncomingServer[]
  outgoing: Server | null
  outgoingAlternatives: Server[]
  username: string
  /** The address's domain as looked up (punycode for an IDN; `[ip]` for an address literal). */
  domain?: string
  /** The same domain as text for the user: an IDN in Unicode (`bücher.example`), never punycode. */
  displayDomain?: string
  /** Every server found, best first, each with its source, user name and trust. */
  found?: { incoming: FoundServer<IncomingServer>[]; outgoing: FoundServer<Server>[] }
  /** Each lookup that ran, how it ended and how long it took. */
  lookups?: Lookup[]
  /** The whole discovery, in ms. */
  ms?: number
  /** The sign-in the provider needs (a known Google or Microsoft domain says which). */
  signIn?: SignIn | null
  /** A saved account at the same domain these settings work for ("Works for bob@example.com"). */
  savedFor?: string
  /** The name a published autoconfig file gives its provider (plain text from the server). */
  publisher?: string
}

/** The input schema of every method; `satisfies` keeps this table and CHANNELS in step. */
export const INPUTS = {
  detectProvider: DetectProviderInput,
  confirmHost: ConfirmHostInput,
  cancelDetection: CancelDetectionInput,
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
  listBackups: NoInput,
  dismissBackup: DismissBackupInput,
  ...OFFICE_INPUTS,
  ...GROUP_INPUTS,
  oauthAuthorize: OAuthAuthorizeInput,
  oauthCancel: OAuthCancelInput,
  oauthDiscover: OAuthDiscoverInput,
  exportAccount: ExportAccountInput,
  ...TRANSFER_INPUTS,
  inspectCa: InspectCaInput,
  setAccountTrust: SetAccountTrustInput,
  getPreferences: NoInput,
  setPreferences: SetPreferencesInput,
} as const satisfies Record<Method, z.ZodType>

export interface Outputs extends OfficeOutputs, GroupOutputs, TransferOutputs {
  detectProvider: DetectedSettings
  confirmHost: { confirmed: true }
  /** False when no run for that address was still going. */
  cancelDetection: { cancelled: boolean }
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
  listBackups: { backups: SettingsBackupView[] }
  dismissBackup: { dismissed: boolean }
  oauthAuthorize: OAuthAuthorizeResult
  oauthCancel: { cancelled: boolean }
  oauthDiscover: DiscoveredEndpoints
  /** Saved under this file name (never its folder), or the user cancelled the dialog. */
  exportAccount: SaveOutcome
  /** The CA as an account keeps it (subject, SHA-256), or INVALID_INPUT saying why it is not one. */
  inspectCa: TrustedCa
  setAccountTrust: AccountView
  /** The preferences as saved, with the defaults they fall back to. */
  getPreferences: PreferencesView
  setPreferences: PreferencesView
}

export type InputOf<M extends Method> = z.input<(typeof INPUTS)[M]>
export type ParsedInput<M extends Method> = z.output<(typeof INPUTS)[M]>

type ApiMethod<M extends Method> = [InputOf<M>] extends [undefined]
  ? () => Promise<Result<Outputs[M]>>
  : (input: InputOf<M>) => Promise<Result<Outputs[M]>>

/** `window.mailkey`: one function per channel plus the subscriptions (progress, account changes). */
export type MailkeyApi = { readonly [M in Method]: ApiMethod<M> } & {
  readonly onTestProgress: (listener: (event: StageEvent) => void) => () => void
  /** Check-all rows as they wait, run and finish. */
  readonly onCheckAllProgress: (listener: (event: CheckAllEvent) => void) => () => void
  /** Discovery's lookups as they start and end (detectProvider). */
  readonly onDiscoveryProgress: (listener: (event: DiscoveryEvent) => void) => () => void
  /** A saved account changed without being asked (the quiet hourly re-check found it stale, or working again). */
  readonly onAccountChanged: (listener: (account: AccountView) => void) => () => void
}
