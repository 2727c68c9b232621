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

/**
 * What came of importing an accounts file: every account saved (each `needsPassword` unless the file
 * carried its secret), or nothing saved and every problem found.
 */
export type ImportOutcome =
  | { imported: true; accounts: { id: string; email: string; needsPassword: boolean }[] }
  | { imported: false; problems: ImportProblem[] }
