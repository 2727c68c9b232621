import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import type { GroupView } from '../../../../shared/group.js'
import { mailkey, settle } from '../../lib/api.js'
import { connectionWords } from '../../lib/connection-words.js'
import { CheckAllPanel } from '../check-all/CheckAllPanel.js'
import { useCheckAll } from '../check-all/use-check-all.js'
import { AddMailboxForm } from './AddMailboxForm.js'
import { MoveIntoGroupForm } from './MoveIntoGroupForm.js'
import { RenameGroupForm } from './RenameGroupForm.js'

interface Props {
  group: GroupView
  /** Every group, to name the one an account would leave. */
  groups: GroupView[]
  accounts: AccountView[]
  busy: boolean
  onAccounts: (accounts: AccountView[]) => void
  onRemove: (group: GroupView) => void
  /** The group changed (renamed, an account moved in): what to say, and the groups are read again. */
  onChanged: (said: string) => void
}

type Open = 'none' | 'add' | 'move' | 'rename'

/**
 * One group: its servers and connection options, its members, "Add mailbox" (two fields), "Move an
 * account here", "Rename" and "Check group" (check all, scoped to it). One form is open at a time.
 */
export function GroupCard({ group, groups, accounts, busy, onAccounts, onRemove, onChanged }: Props) {
  const [open, setOpen] = useState<Open>('none')
  // a closed form hands the focus back to the button that opened it (once that button is enabled again)
  const opener = useRef<HTMLButtonElement | null>(null)
  const show = (form: Open, e: MouseEvent<HTMLButtonElement>): void => {
    opener.current = e.currentTarget
    setOpen(form)
  }
  useEffect(() => {
    if (open === 'none') opener.current?.focus()
  }, [open])
  const members = accounts.filter((a) => a.groupId === group.id)
  const others = accounts.filter((a) => a.groupId !== group.id)
  const [check, controls] = useCheckAll(members, onAccounts)
  const titleId = `group-${group.id}-title`
  const refresh = useCallback(async () => {
    const list = await settle(() => mailkey().listAccounts())
    if (list.ok) onAccounts(list.value)
  }, [onAccounts])
  const close = useCallback(() => setOpen('none'), [])
  const { incoming, outgoing, connection } = group.defaults
  const options = connectionWords(connection)
  const idle = !busy && open === 'none' && check.kind !== 'running'
  return (
    <li className="card group" aria-labelledby={titleId}>
      <div className="account-head">
        <h3 id={titleId} className="account-title">
          {group.name}
        </h3>
        <p className="account-sub">
          {members.length === 0 ? 'No mailboxes yet' : `${members.length} mailbox${members.length === 1 ? '' : 'es'}`}
          {' · '}
          {incoming.protocol.toUpperCase()} {incoming.host}:{incoming.port}, SMTP {outgoing.host}:{outgoing.port}
        </p>
        {options.length > 0 && <p className="account-sub">Connects {options.join(' · ')}</p>}
      </div>
      {members.length > 0 && (
        <ul className="group-members" aria-label={`Mailboxes of ${group.name}`}>
          {members.map((m) => (
            <li key={m.id}>
              {m.email}
              {m.stale ? ' (password refused)' : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={!idle} onClick={(e) => show('add', e)}>
          Add mailbox
        </button>
        {others.length > 0 && (
          <button type="button" className="button" disabled={!idle} onClick={(e) => show('move', e)}>
            Move an account here
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={busy || members.length === 0 || check.kind === 'running'}
          onClick={controls.start}
        >
          Check group
        </button>
        <button type="button" className="button button--quiet" disabled={!idle} onClick={(e) => show('rename', e)}>
          Rename
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy || check.kind === 'running'}
          onClick={() => onRemove(group)}
        >
          Remove group
        </button>
      </div>
      {open === 'add' && <AddMailboxForm group={group} onSaved={() => void refresh()} onClose={close} />}
      {open === 'move' && (
        <MoveIntoGroupForm
          group={group}
          candidates={others}
          groupName={(id) => groups.find((g) => g.id === id)?.name}
          onClose={close}
          onMoved={(email) => {
            close()
            onChanged(`${email} is now in ${group.name}.`)
            void refresh()
          }}
        />
      )}
      {open === 'rename' && (
        <RenameGroupForm
          group={group}
          onClose={close}
          onRenamed={(name) => {
            close()
            onChanged(`The group ${group.name} is now called ${name}.`)
          }}
        />
      )}
      {check.kind !== 'idle' && <CheckAllPanel state={check} accounts={members} controls={controls} />}
    </li>
  )
}
