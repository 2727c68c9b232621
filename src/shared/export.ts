/**
 * The files Mailkey hands an account's settings on in: Thunderbird's autoconfig file (config-v1.1), an
 * Apple configuration profile (.mobileconfig), and a printable setup sheet. None holds a password.
 */
export const EXPORT_FORMATS = ['thunderbird-autoconfig', 'apple-profile', 'setup-sheet'] as const

export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** What came of saving a file: the name it was saved under (never its folder), or the user cancelled. */
export type SaveOutcome = { saved: true; fileName: string } | { saved: false }
