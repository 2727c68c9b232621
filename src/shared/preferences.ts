/**
 * App-wide preferences (not tied to one account), kept in the settings file beside the accounts
 * (schema v8). Only this module says what a valid value is; main, the IPC contract, the CLI and the
 * renderer all ask it.
 */
export interface Preferences {
  /**
   * The provider database (ISPDB) discovery asks, as a base URL the domain is appended to; null is
   * Thunderbird's (`DEFAULT_ISPDB_BASE`). Offices can run a mirror (issue 14).
   */
  ispdbBase: string | null
}

/** What the app shows: the preferences and the defaults they fall back to. */
export interface PreferencesView extends Preferences {
  defaultIspdbBase: string
}

export const DEFAULT_PREFERENCES: Preferences = { ispdbBase: null }

/** Thunderbird's provider database: `https://autoconfig.thunderbird.net/v1.1/<domain>`. */
export const DEFAULT_ISPDB_BASE = 'https://autoconfig.thunderbird.net/v1.1/'

/** The longest provider database address Mailkey keeps (a mirror's URL, not a document). */
export const ISPDB_BASE_MAX_LENGTH = 512

/** Host names that are this computer: a mirror here may use plain HTTP (nothing crosses a network). */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Checks a provider database address as typed: an https:// URL (http:// only for this computer:
 * 127.0.0.0/8, ::1 or localhost, e.g. a mirror or test server running here), with no user name or
 * password in it, no query or fragment (the domain is appended to its path), at most
 * ISPDB_BASE_MAX_LENGTH characters. The value comes back normalised, its path ending in `/`.
 */
export function checkIspdbBase(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const typed = raw.trim()
  if (!typed) return { ok: false, message: 'Enter the provider database’s address, or reset it to Thunderbird’s.' }
  if (typed.length > ISPDB_BASE_MAX_LENGTH)
    return { ok: false, message: `The address is too long: at most ${ISPDB_BASE_MAX_LENGTH} characters.` }
  let url: URL
  try {
    url = new URL(typed)
  } catch {
    return { ok: false, message: `Enter a full address like ${DEFAULT_ISPDB_BASE}` }
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    return {
      ok: false,
      message:
        'The provider database must use https://. Plain http:// is allowed only for a mirror on this computer (127.0.0.1, ::1 or localhost), since anyone on the network could change its answers.',
    }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: `The address must start with https:// (like ${DEFAULT_ISPDB_BASE}).` }
  if (url.username || url.password)
    return { ok: false, message: 'Leave the user name and password out of the address.' }
  if (url.search || url.hash)
    return { ok: false, message: 'The address cannot have a ? or # part: Mailkey adds the domain to its end.' }
  const value = url.href.endsWith('/') ? url.href : `${url.href}/`
  if (value.length > ISPDB_BASE_MAX_LENGTH)
    return { ok: false, message: `The address is too long: at most ${ISPDB_BASE_MAX_LENGTH} characters.` }
  return { ok: true, value }
}
