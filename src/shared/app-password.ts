import { PROVIDERS, providerForAddress, type AppPasswordFormat, type Provider } from './providers.js'

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

/**
 * The provider whose app password this is likely to be: the one of the address, else the one whose
 * servers are named (an alias with smtp.gmail.com as its own server). Undefined for anyone else.
 */
export function appPasswordProvider(
  where: { email?: string | undefined; hosts?: readonly string[] | undefined },
  catalog: readonly Provider[] = PROVIDERS,
): Provider | undefined {
  const byAddress = where.email ? providerForAddress(where.email, catalog) : undefined
  if (byAddress) return byAddress
  const hosts = new Set((where.hosts ?? []).map((h) => h.trim().toLowerCase()))
  return catalog.find((p) =>
    [...Object.values(p.incoming), ...p.outgoing].some((s) => s !== undefined && hosts.has(s.host)),
  )
}

/**
 * The one normaliser of a pasted secret, used by every path that takes one (the wizard, the reset
 * form, the alias form, the IPC handlers' services and every CLI command): an app password of a
 * provider that shows it in groups ("abcd efgh ijkl mnop") loses its separators, but only when what
 * remains is made of that format's characters; any other password is kept exactly as given, since a
 * real password may hold spaces.
 */
export function normalizePastedSecret(raw: string, provider: Provider | null | undefined): string {
  const format = provider?.appPassword?.format
  if (!format) return raw
  const stripped = normalizeAppPassword(raw, format)
  const allowed = format.charset === 'letters' ? /^[A-Za-z]+$/ : /^[A-Za-z0-9]+$/
  return allowed.test(stripped) ? stripped : raw
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
