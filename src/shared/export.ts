import type { OAuthProviderKind } from './oauth-kinds.js'

/**
 * The files Mailkey hands an account's settings on in: Thunderbird's autoconfig file (config-v1.1), an
 * Apple configuration profile (.mobileconfig), a printable setup sheet, and Mailkey's own accounts file
 * (JSON, importable). None holds a password unless the user asked for them, warned.
 */
export const EXPORT_FORMATS = [
  'thunderbird-autoconfig',
  'apple-profile',
  'setup-sheet',
  'setup-sheet-pdf',
  'mailkey-json',
] as const

export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** What came of saving a file: the name it was saved under (never its folder), or the user cancelled. */
export type SaveOutcome = { saved: true; fileName: string } | { saved: false }

/** One thing wrong with an import file: where (`accounts[2].incoming.port`; empty: the whole file) and what. */
export interface ImportProblem {
  path: string
  message: string
}

/** An imported account that signs in with OAuth: the user signs in again with its provider. */
export interface ImportedSignIn {
  provider: OAuthProviderKind
  /** For "Sign in with <name>": Google, Microsoft, or another provider's host (oauthProviderName). */
  name: string
  /**
   * The OAuth client is confidential (RFC 6749 §2.1): the token endpoint wants its client secret, which
   * the file never carries, so the sign-in asks for it again.
   */
  clientSecretNeeded: boolean
}

/** One account an import saved. */
export interface ImportedAccount {
  id: string
  email: string
  /** It asks for its password (the file carried none); false for an OAuth account. */
  needsPassword: boolean
  /** Set for an account that signs in with OAuth: no password, a sign-in with its provider instead. */
  needsSignIn?: ImportedSignIn
}

/**
 * What came of importing an accounts file: every account saved (each `needsPassword` unless the file
 * carried its secret, `needsSignIn` for an OAuth account), or nothing saved and every problem found.
 */
export type ImportOutcome =
  { imported: true; accounts: ImportedAccount[] } | { imported: false; problems: ImportProblem[] }
