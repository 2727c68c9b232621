import { useEffect, useRef, useState } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import type { GroupView } from '../../../../shared/group.js'
import { mailkey, settle } from '../../lib/api.js'
import { Field } from '../../ui/Field.js'
import { useEscape } from '../../ui/use-escape.js'

interface Props {
  group: GroupView
  /** Saved accounts not in this group (in another group or in none). */
  candidates: AccountView[]
  groupName: (id: string) => string | undefined
  onMoved: (email: string) => void
  onClose: () => void
}

/**
 * Puts a saved account into the group. The account keeps its own servers, options and secrets (moving
 * is filing, not re-configuring); the hint says so, and where it comes from when it leaves another group.
 */
export function MoveIntoGroupForm({ group, candidates, groupName, onMoved, onClose }: Props) {
  const [picked, setPicked] = useState(candidates[0]?.id ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  const [moving, setMoving] = useState(false)
  const select = useRef<HTMLSelectElement>(null)
  useEscape(!moving, onClose)
  useEffect(() => select.current?.focus(), [])
  const account = candidates.find((a) => a.id === picked)
  const from = account?.groupId ? groupName(account.groupId) : undefined
  const move = async (): Promise<void> => {
    if (!account) return
    setMoving(true)
    const r = await settle(() => mailkey().assignGroup({ accountId: account.id, groupId: group.id }))
    setMoving(false)
    if (!r.ok) return setProblem(r.error.message)
    onMoved(account.email)
  }
  return (
    <form
      className="group-move"
      noValidate
      aria-label={`Move an account into ${group.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        void move()
      }}
    >
      <Field
        id={`group-${group.id}-move`}
        label="Account to move here"
        hint={`It keeps its own servers and password${from ? `, and leaves ${from}` : ''}.`}
        error={problem}
      >
        {(control) => (
          <select
            {...control}
            ref={select}
            className="input"
            value={picked}
            disabled={moving}
            onChange={(e) => setPicked(e.target.value)}
          >
            {candidates.map((a) => (
              <option key={a.id} value={a.id}>
                {a.email}
                {a.groupId ? ` (in ${groupName(a.groupId) ?? 'another group'})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="actions">
        <button type="button" className="button" onClick={onClose} disabled={moving}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button--primary" disabled={moving || !account}>
          {moving ? 'Moving…' : 'Move here'}
        </button>
      </div>
    </form>
  )
}
