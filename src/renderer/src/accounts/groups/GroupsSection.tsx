import { useCallback, useEffect, useState } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import { GROUP_LIMITS, type GroupView } from '../../../../shared/group.js'
import { mailkey, settle } from '../../lib/api.js'
import { Field } from '../../ui/Field.js'
import { GroupCard } from './GroupCard.js'

interface Props {
  accounts: AccountView[]
  /** The accounts changed (a mailbox added, a group checked or removed): the screen's list is replaced. */
  onAccounts: (accounts: AccountView[]) => void
  busy: boolean
}

/**
 * Groups of accounts (an office, a client) that share their servers and connection options: made from
 * a saved account's, a mailbox added in two fields or a saved one moved in, one group checked at once.
 * Removing a group keeps its accounts.
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
              groups={groups}
              accounts={accounts}
              busy={busy}
              onAccounts={onAccounts}
              onRemove={(group) => void remove(group)}
              onChanged={(said) => {
                setMessage(said)
                load()
              }}
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
          <Field
            id="group-from"
            label="Servers from"
            hint="The group also takes that account's proxy, lowest TLS versions and trusted certificates."
          >
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
