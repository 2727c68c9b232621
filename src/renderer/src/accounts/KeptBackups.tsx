import { useEffect, useState } from 'react'
import type { SettingsBackupView } from '../../../shared/ipc/contract.js'
import { mailkey, settle } from '../lib/api.js'

interface Props {
  /** Called after a dismissal: the orphans list changes with it. */
  onDismissed: () => void
}

const REASONS: Record<string, string> = {
  'invalid-json': 'it was damaged',
  schema: 'it had entries Mailkey cannot use',
  'newer-version': 'a newer Mailkey wrote it',
  'not-a-file': 'it was not a regular file',
  'too-large': 'it was far too large',
}

function when(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString()
}

/**
 * Settings files Mailkey moved aside and still keeps. Their accounts' passwords stay in the keychain
 * (they are not leftover entries) until the user says they are done with the backup.
 */
export function KeptBackups({ onDismissed }: Props) {
  const [backups, setBackups] = useState<SettingsBackupView[]>([])
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [listed, setListed] = useState(0)

  useEffect(() => {
    let live = true
    void settle(() => mailkey().listBackups()).then((r) => {
      if (live && r.ok) setBackups(r.value.backups)
    })
    return () => {
      live = false
    }
  }, [listed])

  const dismiss = async (name: string): Promise<void> => {
    setBusy(name)
    const r = await settle(() => mailkey().dismissBackup({ name }))
    setBusy(null)
    setMessage(
      r.ok && r.value.dismissed
        ? `Dismissed ${name}. Passwords only it referred to now show as leftover entries.`
        : `Nothing changed: ${r.ok ? 'that backup is gone' : r.error.message}`,
    )
    setListed((n) => n + 1)
    onDismissed()
  }

  if (backups.length === 0 && !message) return null
  return (
    <div className="kept-backups">
      {backups.length > 0 && (
        <>
          <p>
            Mailkey keeps the settings it had to set aside. The passwords of their accounts stay in the keychain until
            you dismiss the backup:
          </p>
          <ul aria-label="Kept settings backups">
            {backups.map((b) => (
              <li key={b.name}>
                <span className="mono">{b.name}</span> — set aside {when(b.at)} because {REASONS[b.reason] ?? b.reason};{' '}
                {b.accounts === 1 ? 'one account' : `${b.accounts} accounts`}.{' '}
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={busy !== null}
                  aria-label={`Dismiss ${b.name}`}
                  onClick={() => void dismiss(b.name)}
                >
                  {busy === b.name ? 'Dismissing…' : 'Dismiss'}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="notice-line" role="status">
        {message}
      </p>
    </div>
  )
}
