import type { Diagnosis } from '../diagnosis.js'
import type { FilterVerdict } from './match.js'
import type { PastePlace } from './paste-place.js'

/** A message of the preview: its envelope and what the filter does with it. */
export interface PreviewedMessage extends FilterVerdict {
  uid: number
  date: string | null
  from: string[]
  fromName: string
  subject: string
}

/** The last messages of INBOX judged by a filter, or why they could not be read. */
export type FilterPreview =
  { ok: true; total: number; messages: PreviewedMessage[] } | { ok: false; diagnosis: Diagnosis }

/** The filter as a Sieve script, to show before uploading and to paste elsewhere. */
export interface FilterScript {
  script: string
  /** A file name to save it under: `mailkey-<account>.sieve`. */
  fileName: string
  /** Where to paste it if the server takes no upload. */
  pasteAt: PastePlace
}

/** Where the script went: uploaded and switched on, or why not and where to paste it instead. */
export type FilterUpload =
  | {
      uploaded: true
      scriptName: string
      server: { host: string; port: number }
      /** The server's name for itself (ManageSieve IMPLEMENTATION). */
      implementation: string
      /** What CHECKSCRIPT warned about, if anything. */
      warnings?: string
    }
  | {
      uploaded: false
      reason: 'not-offered' | 'no-tls' | 'no-plain' | 'refused' | 'rejected' | 'failed'
      message: string
      serverText?: string
      server: { host: string; port: number }
      pasteAt: PastePlace
    }
