import type { ExportFormat, ImportedAccount } from '../../../../shared/export.js'

/** The export formats as the Export panel offers them, in its order, with what each is for. */
export const EXPORT_CHOICES: readonly { format: ExportFormat; label: string; hint: string }[] = [
  {
    format: 'mailkey-json',
    label: 'Mailkey accounts file (.json)',
    hint: 'For Mailkey on another computer: Import… there.',
  },
  {
    format: 'thunderbird-autoconfig',
    label: 'Thunderbird autoconfig (.xml) for one domain',
    hint: 'Publish it at https://autoconfig.<domain>/mail/config-v1.1.xml: mail apps then find the settings.',
  },
  {
    format: 'apple-profile',
    label: 'Apple profile (.mobileconfig)',
    hint: 'For iPhone, iPad and Mac: one mail account each.',
  },
  { format: 'setup-sheet', label: 'Setup sheet (HTML)', hint: 'A printable page per mailbox.' },
  { format: 'setup-sheet-pdf', label: 'Setup sheet (PDF)', hint: 'A printable page per mailbox.' },
]

/** Formats with a place for passwords (only when the user ticks the box, warned). */
export function canCarrySecrets(format: ExportFormat): boolean {
  return format === 'mailkey-json' || format === 'apple-profile'
}

/** The distinct domains of the accounts' addresses, lower-cased and sorted. */
export function domainsOf(emails: readonly string[]): string[] {
  return [...new Set(emails.map((e) => e.slice(e.lastIndexOf('@') + 1).toLowerCase()))].sort()
}

/**
 * What the import says it brought in, and what is left to do: a password for each account that asks
 * for one, a sign-in with its provider for each OAuth account ("Sign in with Google" on its card).
 */
export function importedMessage(accounts: readonly ImportedAccount[], fileName: string): string {
  const passwords = accounts.filter((a) => a.needsPassword).length
  const names = [...new Set(accounts.flatMap((a) => (a.needsSignIn ? [a.needsSignIn.name] : [])))]
  const signIns = names.length
    ? ` Sign in again where an account asks (${names.map((n) => `“Sign in with ${n}”`).join(', ')}): no password, your browser opens the provider’s page.`
    : ''
  return `Imported ${accounts.length} account${accounts.length === 1 ? '' : 's'} from ${fileName}.${passwords ? ' Enter the password of each below (“Enter the password”): it is tested before it is saved.' : ''}${signIns}`
}
