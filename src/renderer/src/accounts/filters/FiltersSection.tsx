import type { AccountView } from '../../../../shared/account.js'
import { filterSummary } from './filter-draft.js'
import { FilterEditor } from './FilterEditor.js'
import { FilterScriptPanel } from './FilterScriptPanel.js'
import { useFilters } from './use-filters.js'
import { cardRegionLabel } from '../../lib/card-ids.js'

interface Props {
  account: AccountView
  onUpdated: (account: AccountView) => void
}

/** An account's incoming filter on its card: what it does, its editor with a preview, and its script. */
export function FiltersSection({ account, onUpdated }: Props) {
  const [view, controls] = useFilters(account, onUpdated)
  const prefix = `account-${account.id}-`
  const titleId = `${prefix}filters-title`
  const busy = view.editing || view.script.status !== 'closed'
  return (
    <section className="aliases filters" aria-labelledby={cardRegionLabel(titleId, account.id)}>
      <h3 id={titleId} tabIndex={-1} className="aliases-title">
        Incoming filter
      </h3>
      <p className="aliases-intro">{filterSummary(account.filter)}</p>
      {!busy && (
        <div className="actions actions--start">
          <button
            type="button"
            className="button"
            aria-label={`${account.filter ? 'Edit filter' : 'Add a filter'} for ${account.email}`}
            onClick={controls.openEditor}
          >
            {account.filter ? 'Edit filter' : 'Add a filter'}
          </button>
          {account.filter && (
            <button type="button" className="button" onClick={controls.showScript}>
              Show the script…
            </button>
          )}
        </div>
      )}
      {view.editing && <FilterEditor account={account} view={view} controls={controls} idPrefix={prefix} />}
      {!view.editing && view.script.status !== 'closed' && (
        <FilterScriptPanel account={account} script={view.script} controls={controls} idPrefix={prefix} />
      )}
      <p className="visually-hidden" role="status">
        {view.notice}
      </p>
      {view.notice && !busy && <p className="note">{view.notice}</p>}
    </section>
  )
}
