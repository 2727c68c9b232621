import { useEffect, useState } from 'react'
import { mailkey, settle } from '../lib/api.js'
import { KeychainNotice } from '../ui/KeychainNotice.js'
import { KeptBackups } from './KeptBackups.js'
import type { KeychainCheck } from '../ui/use-keychain-health.js'

interface Props {
  keychain: KeychainCheck
  recheck: () => void
}

type Orphans = { status: 'loading' } | { status: 'ready'; keys: string[] } | { status: 'failed'; message: string }

function KeychainStatus({ keychain }: { keychain: KeychainCheck }) {
  switch (keychain.status) {
    case 'checking':
      return <p>Checking the keychain…</p>
    case 'ok':
      return <p className="verified verified--yes">Your system keychain is working. Passwords are kept there only.</p>
    case 'unknown':
      return <p>Mailkey could not check the keychain: {keychain.message}</p>
    case 'problem':
      return null
  }
}

/**
 * The keychain's health, and entries Mailkey left there that belong to no account (a removed or
 * half-finished setup). Only their names are shown; Mailkey never reads a secret back.
 */
export function KeychainSection({ keychain, recheck }: Props) {
  const [orphans, setOrphans] = useState<Orphans>({ status: 'loading' })
  const [message, setMessage] = useState('')
  const [removing, setRemoving] = useState(false)

  const [listed, setListed] = useState(0)

  useEffect(() => {
    let live = true
    void settle(() => mailkey().listOrphans()).then((r) => {
      if (!live) return
      setOrphans(r.ok ? { status: 'ready', keys: r.value.keys } : { status: 'failed', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [listed])

  const remove = async (): Promise<void> => {
    setRemoving(true)
    const r = await settle(() => mailkey().removeOrphans())
    setRemoving(false)
    setMessage(
      r.ok
        ? `Removed ${r.value.removed} leftover ${r.value.removed === 1 ? 'entry' : 'entries'} from the keychain.`
        : `Nothing was removed: ${r.error.message}`,
    )
    setListed((n) => n + 1)
  }

  return (
    <section className="card keychain" aria-labelledby="keychain-title">
      <h2 id="keychain-title" className="account-title">
        Keychain
      </h2>
      <KeychainStatus keychain={keychain} />
      <KeychainNotice id="accounts-keychain" check={keychain} recheck={recheck} />
      <KeptBackups onDismissed={() => setListed((n) => n + 1)} />
      {orphans.status === 'failed' && <p>Mailkey could not list its keychain entries: {orphans.message}</p>}
      {orphans.status === 'ready' && orphans.keys.length === 0 && (
        <p className="note">No leftover entries: every password Mailkey keeps belongs to an account above.</p>
      )}
      {orphans.status === 'ready' && orphans.keys.length > 0 && (
        <div className="orphans">
          <p>
            {orphans.keys.length === 1
              ? 'One password in the keychain belongs'
              : `${orphans.keys.length} passwords in the keychain belong`}{' '}
            to no account (left by a removed or unfinished setup):
          </p>
          <ul className="orphan-list" aria-label="Leftover keychain entries">
            {orphans.keys.map((k) => (
              <li key={k} className="mono">
                {k}
              </li>
            ))}
          </ul>
          <div className="actions actions--start">
            <button type="button" className="button" disabled={removing} onClick={() => void remove()}>
              {removing ? 'Removing…' : 'Remove leftover entries'}
            </button>
          </div>
        </div>
      )}
      <p className="notice-line" role="status">
        {message}
      </p>
    </section>
  )
}
