import type { AppPasswordFormat } from './providers.js'

/**
 * Providers show app passwords in groups ("abcd efgh ijkl mnop", iCloud "abcd-efgh-ijkl-mnop") and
 * people paste them with the spaces, sometimes with a non-breaking space or a trailing newline from
 * the web page. Those separators are never part of the password.
 */
export function normalizeAppPassword(raw: string, format?: AppPasswordFormat): string {
  const noSpace = raw.replace(/[\s\u00a0\u2007\u202f\u200b]+/g, '')
  // hyphens separate groups only where the provider's own example shows them
  return format?.example.includes('-') ? noSpace.replace(/-/g, '') : noSpace
}

export type AppPasswordCheck = { ok: true } | { ok: false; message: string }

/** Checks a normalised app password against the provider's format; says what is wrong in plain words. */
export function checkAppPassword(value: string, format?: AppPasswordFormat): AppPasswordCheck {
  if (value.length === 0) return { ok: false, message: 'Paste the app password.' }
  if (!format) return { ok: true }
  const kind = format.charset === 'letters' ? 'letters' : 'letters and digits'
  const allowed = format.charset === 'letters' ? /^[A-Za-z]+$/ : /^[A-Za-z0-9]+$/
  if (!allowed.test(value)) {
    return { ok: false, message: `An app password has only ${kind}. Copy it again from the provider's page.` }
  }
  if (value.length !== format.length) {
    return {
      ok: false,
      message: `An app password has ${format.length} ${kind}; this has ${value.length}. Copy it again, all of it.`,
    }
  }
  return { ok: true }
}
