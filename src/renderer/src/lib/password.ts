import {
  checkAppPassword,
  normalizeAppPassword,
  normalizePastedSecret,
  type AppPasswordCheck,
} from '../../../shared/app-password.js'
import { PasswordSchema } from '../../../shared/mail.js'
import type { Provider } from '../../../shared/providers.js'

/** App passwords lose the spaces and dashes they are shown with; other passwords are kept exactly. */
export function normalisePassword(provider: Provider | null, raw: string): string {
  return normalizePastedSecret(raw, provider)
}

/**
 * The field's text after a paste at the selection. An app password pasted into a field that already
 * holds (part of) one would make it longer than one password: then the paste replaces the whole field
 * instead of appending ("copy it again, all of it" made 32 letters, then 48). Other passwords are kept
 * exactly as pasted, at the selection.
 */
export function afterPaste(
  provider: Provider | null,
  value: string,
  selection: { start: number; end: number },
  pasted: string,
): string {
  const spliced = value.slice(0, selection.start) + pasted + value.slice(selection.end)
  const format = provider?.appPassword?.format
  if (!format) return spliced
  return normalizeAppPassword(spliced, format).length > format.length ? pasted : spliced
}

/** A provider's app-password format when it has one, else main's rules for any password. */
export function checkPassword(provider: Provider | null, password: string): AppPasswordCheck {
  const format = provider?.appPassword?.format
  if (format) return checkAppPassword(password, format)
  const parsed = PasswordSchema.safeParse(password)
  return parsed.success
    ? { ok: true }
    : { ok: false, message: parsed.error.issues[0]?.message ?? 'Check the password.' }
}

/** What the password field says under its label, for the wizard and the reset form alike. */
export function passwordHint(provider: Provider | null): string {
  const format = provider?.appPassword?.format
  if (!format) return 'The same password is used for incoming and outgoing mail.'
  const kind = format.charset === 'letters' ? 'letters' : 'letters and digits'
  return `${format.length} ${kind}, shown by ${provider.name} like ${format.example}. Paste it as it is: spaces are removed for you. The same password is used for incoming and outgoing mail.`
}
