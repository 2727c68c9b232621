import { useId, useState } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import type { ExportFormat, ImportProblem } from '../../../../shared/export.js'
import { mailkey, settle } from '../../lib/api.js'
import { canCarrySecrets, importedMessage, domainsOf, EXPORT_CHOICES } from './transfer-words.js'

interface Props {
  accounts: AccountView[]
  /** The accounts after an import, for the screen to show (each without a password asks for it). */
  onImported: (accounts: AccountView[]) => void
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: 'export' | 'import' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string; problems?: ImportProblem[] }

/**
 * Export… and Import… on the accounts screen: every account (or one domain's) in a file for another
 * device or another Mailkey, and Mailkey's accounts file read back, all or nothing. Passwords go into a
 * file only when the user ticks the box and has read the warning beside it.
 */
export function TransferPanel({ accounts, onImported }: Props) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [format, setFormat] = useState<ExportFormat>('mailkey-json')
  const domains = domainsOf(accounts.map((a) => a.email))
  const [domain, setDomain] = useState(domains[0] ?? '')
  const [secrets, setSecrets] = useState(false)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const busy = status.kind === 'busy'
  const withSecrets = secrets && canCarrySecrets(format)

  const exportNow = async (): Promise<void> => {
    setStatus({ kind: 'busy', what: 'export' })
    const r = await settle(() =>
      mailkey().exportAccounts({
        format,
        ...(format === 'thunderbird-autoconfig' ? { domain } : {}),
        ...(withSecrets ? { includeSecrets: true } : {}),
      }),
    )
    if (!r.ok) return setStatus({ kind: 'failed', message: `Not exported: ${r.error.message}` })
    setStatus(
      r.value.saved
        ? {
            kind: 'done',
            message: `Saved as ${r.value.fileName}${withSecrets ? ', with passwords: keep it private' : ''}.`,
          }
        : { kind: 'idle' },
    )
  }

  const importNow = async (): Promise<void> => {
    setStatus({ kind: 'busy', what: 'import' })
    const r = await settle(() => mailkey().importAccounts())
    if (!r.ok) return setStatus({ kind: 'failed', message: `Not imported: ${r.error.message}` })
    const result = r.value
    if (result.cancelled) return setStatus({ kind: 'idle' })
    if (!result.imported) {
      return setStatus({
        kind: 'failed',
        message: `Nothing was imported from ${result.fileName}: fix the file and import it again.`,
        problems: result.problems,
      })
    }
    const list = await settle(() => mailkey().listAccounts())
    if (list.ok) onImported(list.value)
    setStatus({ kind: 'done', message: importedMessage(result.accounts, result.fileName) })
  }

  return (
    <section className="panel transfer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        Other devices
      </h2>
      <div className="actions actions--start">
        {accounts.length > 0 && (
          <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            Export…
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => void importNow()}>
          {status.kind === 'busy' && status.what === 'import' ? 'Importing…' : 'Import…'}
        </button>
      </div>
      {open && accounts.length > 0 && (
        <form
          className="transfer-form"
          onSubmit={(e) => {
            e.preventDefault()
            void exportNow()
          }}
        >
          <fieldset>
            <legend>Export all {accounts.length} accounts as</legend>
            {EXPORT_CHOICES.map((c) => (
              <label key={c.format} className="radio">
                <input
                  type="radio"
                  name={`${id}-format`}
                  value={c.format}
                  checked={format === c.format}
                  onChange={() => setFormat(c.format)}
                />{' '}
                {c.label} <span className="hint">{c.hint}</span>
              </label>
            ))}
          </fieldset>
          {format === 'thunderbird-autoconfig' && (
            <label>
              Domain{' '}
              <select value={domain} onChange={(e) => setDomain(e.target.value)}>
                {domains.map((d) => (
                  <option key={d}>{d}</option>
                ))}
              </select>
            </label>
          )}
          {canCarrySecrets(format) && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={secrets}
                aria-describedby={`${id}-secrets-warning`}
                onChange={(e) => setSecrets(e.target.checked)}
              />{' '}
              Include the saved passwords
            </label>
          )}
          {withSecrets && (
            <p id={`${id}-secrets-warning`} className="panel panel--warning" role="alert">
              The file will hold every password in plain text. Anyone who gets it can read your mail: keep it private,
              move it only over a channel you trust, and delete it once imported.
            </p>
          )}
          <div className="actions actions--start">
            <button type="submit" className="button button--primary" disabled={busy}>
              {status.kind === 'busy' && status.what === 'export'
                ? 'Saving…'
                : withSecrets
                  ? 'Save with passwords…'
                  : 'Save…'}
            </button>
          </div>
        </form>
      )}
      <p role="status" className="notice-line">
        {status.kind === 'done' ? status.message : ''}
      </p>
      {status.kind === 'failed' && (
        <div className="panel panel--error" role="alert">
          <p>{status.message}</p>
          {status.problems && (
            <ul className="import-problems">
              {status.problems.map((p, i) => (
                <li key={i}>
                  {p.path && <code>{p.path}</code>}
                  {p.path ? ': ' : ''}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
