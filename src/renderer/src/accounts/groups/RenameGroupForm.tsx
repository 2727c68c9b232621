import { useEffect, useRef, useState } from 'react'
import { GROUP_LIMITS, type GroupView } from '../../../../shared/group.js'
import { mailkey, settle } from '../../lib/api.js'
import { Field } from '../../ui/Field.js'
import { useEscape } from '../../ui/use-escape.js'

interface Props {
  group: GroupView
  onRenamed: (name: string) => void
  onClose: () => void
}

/** The group's name, edited in place: Enter saves, Esc keeps the old one; main's refusal is shown as is. */
export function RenameGroupForm({ group, onRenamed, onClose }: Props) {
  const [name, setName] = useState(group.name)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  useEscape(!saving, onClose)
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  const save = async (): Promise<void> => {
    const wanted = name.trim()
    if (wanted === '') return setProblem('Give the group a name.')
    if (wanted === group.name) return onClose()
    setSaving(true)
    const r = await settle(() => mailkey().renameGroup({ id: group.id, name: wanted }))
    setSaving(false)
    if (!r.ok) return setProblem(r.error.message)
    onRenamed(r.value.name)
  }
  return (
    <form
      className="group-rename"
      noValidate
      aria-label={`Rename ${group.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <Field id={`group-${group.id}-rename`} label="Group name" error={problem}>
        {(control) => (
          <input
            {...control}
            ref={input}
            className="input"
            value={name}
            maxLength={GROUP_LIMITS.name}
            disabled={saving}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="button" className="button" onClick={onClose} disabled={saving}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  )
}
