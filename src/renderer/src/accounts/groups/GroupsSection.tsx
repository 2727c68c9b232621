import { useCallback, useEffect, useState } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import { GROUP_LIMITS, type GroupView } from '../../../../shared/group.js'
import { mailkey, settle } from '../../lib/api.js'
import { Field } from '../../ui/Field.js'
import { CheckAllPanel } from '../check-all/CheckAllPanel.js'
import { useCheckAll } from '../check-all/use-check-all.js'
import { AddMailboxForm } from './AddMailboxForm.js'

interface Props {
  accounts: AccountView[]
  /** The accounts changed (a mailbox added, a group checked or removed): the screen's list is replaced. */
  onAccounts: (accounts: AccountView[]) => void
  busy: boolean
}

/** One group: its members, "Add mailbox" (two fields) and "Check group" (check all, scoped to it). */
function GroupCard({
  group,
  accounts,
  busy,
  onAccounts,
  onRemove,
}: {
  group: GroupView
  accounts: AccountView[]
  busy: boolean
  onAccounts: (accounts: AccountView[]) => void
  onRemove: (group: GroupView) => void
}) {
  const [adding, setAdding] = useState(false)
  const members = accounts.filter((a) => a.groupId === group.id)
  const [check, controls] = useCheckAll(members, onAccounts)
  const titleId = `group-${group.id}-title`
  const refresh = useCallback(async () => {
    const list = await settle(() => mailkey().listAccounts())
    if (list.ok) onAccounts(list.value)
  }, [onAccounts])
  return (
    <li className="card group" aria-labelledby={titleId}>
      <div className="account-head">
        <h3 id={titleId} className="account-title">
          {group.name}
        </h3>
        <p className="account-sub">
          {members.length === 0 ? 'No mailboxes yet' : `${members.length} mailbox${members.length === 1 ? '' : 'es'}`}
          {' · '}
          {group.defaults.incoming.protocol.toUpperCase()} {group.defaults.incoming.host}:{group.defaults.incoming.port}
          , SMTP {group.defaults.outgoing.host}:{group.defaults.outgoing.port}
        </p>
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
        <button type="button" className="button" disabled={busy || adding} onClick={() => setAdding(true)}>
          Add mailbox
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || members.length === 0 || check.kind === 'running'}
          onClick={controls.start}
        >
          Check group
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
      {adding && <AddMailboxForm group={group} onSaved={() => void refresh()} onClose={() => setAdding(false)} />}
      {check.kind !== 'idle' && <CheckAllPanel state={check} accounts={members} controls={controls} />}
    </li>
  )
}

/**
 * Groups of accounts (an office, a client) that share their servers: made from a saved account's
 * servers, a mailbox added in two fields, one group checked at once. Removing a group keeps its accounts.
 */
export function GroupsSection({ accounts, onAccounts, busy }: Props) {
  const [groups, setGroups] = useState<GroupView[]>([])
  const [name, setName] = useState('')
  const [from, setFrom] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const load = useCallback(() => setVersion((v) => v + 1), [])
  // members change whenever the accounts do (a mailbox added, an account removed)
  useEffect(() => {
    let current = true
    void settle(() => mailkey().listGroups()).then((r) => {
      if (!current) return
      if (r.ok) setGroups(r.value.groups)
      else setProblem(`The groups could not be read: ${r.error.message}`)
    })
    return () => {
      current = false
    }
  }, [version, accounts])
  const source = from || accounts[0]?.id || ''

  const create = async (): Promise<void> => {
    setProblem(null)
    if (name.trim() === '') return setProblem('Give the group a name.')
    const r = await settle(() => mailkey().createGroup({ name: name.trim(), fromAccountId: source }))
    if (!r.ok) return setProblem(r.error.message)
    setName('')
    setMessage(`The group ${r.value.name} was created.`)
    load()
  }
  const remove = async (group: GroupView): Promise<void> => {
    setProblem(null)
    const r = await settle(() => mailkey().removeGroup({ id: group.id }))
    if (!r.ok) return setProblem(r.error.message)
    setMessage(`The group ${group.name} was removed; its ${r.value.ungrouped} account(s) stay saved.`)
    const list = await settle(() => mailkey().listAccounts())
    if (list.ok) onAccounts(list.value)
    load()
  }

  return (
    <section className="groups" aria-labelledby="groups-title">
      <h2 id="groups-title">Groups</h2>
      <p className="notice-line" role="status">
        {message}
      </p>
      {problem && (
        <p className="panel panel--error" role="alert">
          {problem}
        </p>
      )}
      {groups.length > 0 && (
        <ul className="account-list">
          {groups.map((g) => (
            <GroupCard
              key={g.id}
              group={g}
              accounts={accounts}
              busy={busy}
              onAccounts={onAccounts}
              onRemove={(group) => void remove(group)}
            />
          ))}
        </ul>
      )}
      {accounts.length === 0 ? (
        <p>Save one account first: a group takes its servers from it.</p>
      ) : (
        <form
          className="group-new"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void create()
          }}
        >
          <Field id="group-name" label="New group" hint="An office or a client, e.g. Front desk.">
            {(control) => (
              <input
                {...control}
                className="input"
                value={name}
                maxLength={GROUP_LIMITS.name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field id="group-from" label="Servers from">
            {(control) => (
              <select {...control} className="input" value={source} onChange={(e) => setFrom(e.target.value)}>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.email} ({a.incoming.host})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              Create group
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
