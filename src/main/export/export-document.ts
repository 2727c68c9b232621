import type { ExportFormat } from '../../shared/export.js'

/** A document to hand on: its suggested file name, its type, and its text. */
export interface ExportDocument {
  format: ExportFormat
  fileName: string
  /** The media type, for the save dialog's filter and for a later download or mail attachment. */
  mimeType: string
  /** Text (UTF-8) for the text formats, bytes for the PDF sheet. */
  content: string | Uint8Array
  /** It holds passwords (asked for): saved readable by its owner only (mode 0600). */
  private?: true
}

/** A document made as text (every format but the PDF sheet). */
export interface TextDocument extends ExportDocument {
  content: string
}

/** The secrets a profile may carry when the caller asks for them (never by default). */
export interface AccountSecrets {
  incoming: string
  /** The separate sending secret, for an account whose sending signs in as someone else. */
  outgoing?: string
}

export interface ExportOptions {
  /** When the document was made (the sheet prints the date). */
  now?: Date
  /** Passwords to put in, by account id (asked for, with a warning); only the Apple profile and Mailkey’s own file have a place for them. */
  secrets?: ReadonlyMap<string, AccountSecrets>
}

/** The address's domain, lower-cased: what autoconfig files and their names are keyed by. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}

/**
 * A time for people reading an export: "2026-11-22 06:42 UTC". Unambiguous in any country, and read
 * the same on every device the paper or file travels to (the exporting computer's zone means nothing
 * there). The input as given when it is not a time.
 */
export function readableTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`
}
