import { useState } from 'react'
import type { AccountView } from '../../../shared/account.js'
import type { ExportFormat } from '../../../shared/export.js'
import { mailkey, settle } from '../lib/api.js'

interface Props {
  account: AccountView
  /** Unique on the page (the accounts screen shows one per card). */
  idPrefix?: string
  /** Titled by its own h3 (the done step); off where a disclosure already says it (an account card). */
  titled?: boolean
}

type Saving =
  | { status: 'idle' }
  | { status: 'saving'; format: ExportFormat }
  | { status: 'done'; format: ExportFormat; message: string }
  | { status: 'failed'; format: ExportFormat; message: string }

interface Target {
  format: ExportFormat
  label: string
  /** What the file is for and what to do with it, said honestly before the user saves it. */
  how: (domain: string) => string
  /** What to do now that it is saved as `file`. */
  next: (file: string, domain: string) => string
}

const TITLE = 'Use it in your mail app'

const TARGETS: readonly Target[] = [
  {
    format: 'thunderbird-autoconfig',
    label: 'Save Thunderbird’s settings file',
    how: (domain) =>
      `Thunderbird cannot be handed settings by another app (it has no link or command for it). It reads this file from the “isp” folder of its installation, saved there as ${domain}.xml, or from https://autoconfig.${domain}/mail/config-v1.1.xml on your domain.`,
    next: (file, domain) =>
      `Saved as ${file}. Put it in Thunderbird’s “isp” folder as ${domain}.xml (or publish it at autoconfig.${domain}), then add the account in Thunderbird with your address and password: it fills in these servers.`,
  },
  {
    format: 'apple-profile',
    label: 'Save a profile for iPhone, iPad or Mac',
    how: () =>
      'An Apple configuration profile (.mobileconfig) with these servers and no password: the device asks for it when the profile is installed.',
    next: (file) =>
      `Saved as ${file}. Open it on the iPhone, iPad or Mac (AirDrop it, or mail it to yourself), then install it in Settings; enter the password when asked.`,
  },
  {
    format: 'setup-sheet',
    label: 'Save a printable setup sheet',
    how: () =>
      'One page with the servers, ports, encryption and user names, and where to create an app password. No password is on it.',
    next: (file) => `Saved as ${file}. Open it in a browser to print it or to read the settings into another app.`,
  },
]

/**
 * "Ready" is not the end: hand the settings to the mail app people came for. Main makes each file
 * (never with a password) and asks where to save it; only the chosen file's name comes back here.
 */
export function HandOnSettings({ account, idPrefix = '', titled = true }: Props) {
  const [saving, setSaving] = useState<Saving>({ status: 'idle' })
  const domain = account.email.slice(account.email.lastIndexOf('@') + 1).toLowerCase()
  const titleId = `${idPrefix}hand-on-title`
  const save = async (target: Target): Promise<void> => {
    setSaving({ status: 'saving', format: target.format })
    const r = await settle(() => mailkey().exportAccount({ accountId: account.id, format: target.format }))
    if (!r.ok) return setSaving({ status: 'failed', format: target.format, message: r.error.message })
    setSaving({
      status: 'done',
      format: target.format,
      message: r.value.saved ? target.next(r.value.fileName, domain) : 'Nothing was saved: you closed the dialog.',
    })
  }
  return (
    <section className="hand-on" {...(titled ? { 'aria-labelledby': titleId } : { 'aria-label': TITLE })}>
      {titled && (
        <h3 id={titleId} className="hand-on-title">
          {TITLE}
        </h3>
      )}
      <ul className="hand-on-list">
        {TARGETS.map((target) => (
          <li key={target.format} className="hand-on-item">
            <button
              type="button"
              className="button"
              aria-describedby={`${idPrefix}hand-on-${target.format}`}
              disabled={saving.status === 'saving'}
              onClick={() => void save(target)}
            >
              {saving.status === 'saving' && saving.format === target.format ? 'Saving…' : target.label}
            </button>
            <p id={`${idPrefix}hand-on-${target.format}`} className="field-hint">
              {target.how(domain)}
            </p>
          </li>
        ))}
      </ul>
      <p className={saving.status === 'failed' ? 'field-error' : 'hand-on-status'} role="status">
        {saving.status === 'done' && saving.message}
        {saving.status === 'failed' && `The file was not saved: ${saving.message}`}
      </p>
    </section>
  )
}
