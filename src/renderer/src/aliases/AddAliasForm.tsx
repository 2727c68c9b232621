import { useEffect, useRef, type ReactNode, type Ref } from 'react'
import type { AccountView } from '../../../shared/account.js'
import { EmailSchema } from '../../../shared/mail.js'
import { isGoogle } from '../lib/google.js'
import { Field } from '../ui/Field.js'
import { useEscape } from '../ui/use-escape.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { parseAliasDraft, type AliasProblems, type AliasTextField } from './alias-draft.js'
import { aliasIds } from './alias-ids.js'
import type { AliasPanel } from './aliases-state.js'
import { GmailSendAs } from './GmailSendAs.js'
import { OwnServerFields } from './OwnServerFields.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  account: AccountView
  panel: Extract<AliasPanel, { kind: 'add' }>
  controls: AliasControls
}

const NONE: AliasProblems = {}

interface TextProps {
  field: Extract<AliasTextField, 'name' | 'address' | 'replyTo'>
  label: string
  hint?: ReactNode
  type?: 'text' | 'email'
  inputRef?: Ref<HTMLInputElement>
}

/** Name, address, reply-to and "treat as an alias", and optionally the alias's own server and login. */
export function AddAliasForm({ account, panel, controls }: Props) {
  const ids = aliasIds(account.id)
  const nameRef = useRef<HTMLInputElement>(null)
  const [openUrl, openProblem] = useOpenExternal()
  useEffect(() => nameRef.current?.focus(), [])
  useEscape(!panel.saving, controls.close)
  const { draft, saving } = panel
  const parsed = parseAliasDraft(draft, account)
  const problems = panel.showProblems && !parsed.ok ? parsed.problems : NONE
  const typed = EmailSchema.safeParse(draft.address)

  const text = ({ field, label, hint, type = 'text', inputRef }: TextProps) => (
    <Field id={ids.field(field)} label={label} hint={hint} error={problems[field]}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          type={type}
          className={type === 'email' ? 'input mono' : 'input'}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          disabled={saving}
          value={draft[field]}
          onChange={(e) => controls.changeDraft({ field, value: e.target.value })}
        />
      )}
    </Field>
  )

  return (
    <form
      id={ids.form}
      className="alias-form"
      noValidate
      aria-labelledby={`${ids.form}-title`}
      onSubmit={(e) => {
        e.preventDefault()
        controls.submitAdd()
      }}
    >
      <h4 id={`${ids.form}-title`} className="alias-form-title">
        Add a send-as address
      </h4>
      {text({
        field: 'name',
        label: 'Name (optional)',
        hint: 'Shown to recipients next to the address, like “Alice from Sales”.',
        inputRef: nameRef,
      })}
      {text({ field: 'address', label: 'Address', type: 'email' })}
      {text({
        field: 'replyTo',
        label: 'Reply-to address (optional)',
        hint: 'Where replies go, when not to this address.',
        type: 'email',
      })}
      <div className="checkbox-field">
        <input
          id={ids.field('treat')}
          type="checkbox"
          className="checkbox"
          checked={draft.treatAsAlias}
          disabled={saving}
          aria-describedby={`${ids.field('treat')}-hint`}
          onChange={(e) => controls.changeDraft({ field: 'treatAsAlias', value: e.target.checked })}
        />
        <label htmlFor={ids.field('treat')}>Treat as an alias</label>
      </div>
      <p id={`${ids.field('treat')}-hint`} className="field-hint">
        Gmail’s setting of the same name: keep it on for an address that is yours; turn it off when you send for someone
        else, such as a shared team address. It goes into the exported settings.
      </p>
      <button
        type="button"
        className="button button--quiet button--disclosure"
        aria-expanded={draft.ownServer}
        aria-controls={ids.field('own-server')}
        disabled={saving}
        onClick={() => controls.changeDraft({ field: 'ownServer', value: !draft.ownServer })}
      >
        Send through a different server
      </button>
      {draft.ownServer && (
        <OwnServerFields ids={ids} draft={draft} problems={problems} disabled={saving} controls={controls} />
      )}
      {isGoogle(account.providerId) && (
        <GmailSendAs id={`${ids.form}-gmail`} address={typed.success ? typed.data : null} onOpen={openUrl} />
      )}
      {openProblem && <p className="field-error">{openProblem}</p>}
      {panel.error && (
        <p className="panel panel--error" role="alert">
          The address was not added: {panel.error}
        </p>
      )}
      <div className="actions actions--start">
        <button type="button" className="button" disabled={saving} onClick={controls.close}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save address'}
        </button>
      </div>
    </form>
  )
}
