import { useEffect, useState, type FormEvent } from 'react'
import { checkIspdbBase, type PreferencesView } from '../../../shared/preferences.js'
import { mailkey, settle } from '../lib/api.js'
import { Field } from '../ui/Field.js'

type Loaded = { status: 'loading' } | { status: 'ready'; view: PreferencesView } | { status: 'failed'; message: string }

/**
 * Where discovery asks about a domain it has no preset for: Thunderbird's provider database, or an
 * office's own mirror of it (issue 14). The address is checked as the user saves it (https://, or
 * http:// for a mirror on this computer); a refused address stays in the field with the reason, and
 * "Reset to Thunderbird's" brings the default back. Only the domain is ever sent there.
 */
export function ProviderDatabaseSection() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [message, setMessage] = useState('')
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    let live = true
    void settle(() => mailkey().getPreferences()).then((r) => {
      if (!live) return
      if (!r.ok) return setLoaded({ status: 'failed', message: r.error.message })
      setLoaded({ status: 'ready', view: r.value })
      setDraft(r.value.ispdbBase ?? r.value.defaultIspdbBase)
    })
    return () => {
      live = false
    }
  }, [])

  const save = async (ispdbBase: string | null): Promise<void> => {
    setSaving(true)
    const r = await settle(() => mailkey().setPreferences({ ispdbBase }))
    setSaving(false)
    if (!r.ok) {
      setError(r.error.message)
      setMessage('')
      return
    }
    setLoaded({ status: 'ready', view: r.value })
    setDraft(r.value.ispdbBase ?? r.value.defaultIspdbBase)
    setError(null)
    setMessage(
      r.value.ispdbBase === null
        ? 'Mailkey asks Thunderbird’s provider database.'
        : `Mailkey asks the provider database at ${r.value.ispdbBase}.`,
    )
  }

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    // the same check main makes, at once: a bad address is never sent, and stays in the field
    const checked = checkIspdbBase(draft)
    if (!checked.ok) {
      setError(checked.message)
      setMessage('')
      return
    }
    void save(checked.value)
  }

  const view = loaded.status === 'ready' ? loaded.view : null
  const isDefault = view !== null && view.ispdbBase === null
  return (
    <section className="card provider-database" aria-labelledby="provider-database-title">
      <h2 id="provider-database-title" className="account-title">
        Provider database
      </h2>
      {loaded.status === 'loading' && <p>Loading…</p>}
      {loaded.status === 'failed' && <p>Mailkey could not read this setting: {loaded.message}</p>}
      {view && (
        <form onSubmit={submit} noValidate>
          <Field
            id="ispdb-base"
            label="Provider database address"
            hint="Asked for the settings of a domain Mailkey has no preset for; only the domain is sent. Your office can run a mirror."
            error={error}
          >
            {(control) => (
              <input
                {...control}
                className="input mono"
                type="url"
                inputMode="url"
                spellCheck={false}
                autoComplete="off"
                value={draft}
                disabled={saving}
                onChange={(e) => {
                  setDraft(e.target.value)
                  setError(null)
                }}
              />
            )}
          </Field>
          <div className="actions actions--start">
            <button type="submit" className="button" disabled={saving}>
              {saving ? 'Saving…' : 'Save address'}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={saving || (isDefault && draft === view.defaultIspdbBase)}
              onClick={() => void save(null)}
            >
              Reset to Thunderbird’s
            </button>
          </div>
        </form>
      )}
      <p className="notice-line" role="status">
        {message}
      </p>
    </section>
  )
}
