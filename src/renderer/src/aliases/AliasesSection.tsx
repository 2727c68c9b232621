import type { ReactNode } from 'react'
import type { AccountView } from '../../../shared/account.js'
import type { Fix } from '../../../shared/diagnosis.js'
import { AddAliasForm } from './AddAliasForm.js'
import { AliasItem } from './AliasItem.js'
import { aliasIds } from './alias-ids.js'
import { checkAnnouncement, sendAnnouncement, sendsThroughGmail } from './alias-words.js'
import { panelBusy } from './aliases-state.js'
import { ExportPanel } from './ExportPanel.js'
import { OwnAddress } from './OwnAddress.js'
import { SendTestForm } from './SendTestForm.js'
import { useAliases } from './use-aliases.js'
import { cardRegionLabel } from '../lib/card-ids.js'

interface Props {
  account: AccountView
  onUpdated: (account: AccountView) => void
  /** A fix that concerns the account itself (its password, its servers): the card knows how. */
  onAccountFix: (fix: Fix) => void
}

/** An account's send-as addresses: each with its last check, check by check, and what can be done with it. */
export function AliasesSection({ account, onUpdated, onAccountFix }: Props) {
  const [state, controls] = useAliases(account, onUpdated)
  const { panel } = state
  const ids = aliasIds(account.id)
  const busy = panelBusy(panel)
  const checking = panel.kind === 'check' ? account.aliases.find((a) => a.id === panel.aliasId) : undefined
  const announcement =
    (panel.kind === 'check' && checking
      ? checkAnnouncement(panel.check, checking.address, sendsThroughGmail(account, checking))
      : '') ||
    (panel.kind === 'send' ? sendAnnouncement(panel.send.outcome) : '') ||
    state.notice
  return (
    <section className="aliases" aria-labelledby={cardRegionLabel(ids.title, account.id)}>
      <h3 id={ids.title} tabIndex={-1} className="aliases-title">
        Send-as addresses
      </h3>
      <p className="aliases-intro">
        The From addresses {account.email} sends as. Check each one: the server must accept it as sender, and the
        message must arrive with it still in the From.
      </p>
      <OwnAddress
        account={account}
        id={ids.own}
        disabled={state.changingDefault}
        onMakeDefault={() => controls.setDefault(null)}
      />
      {account.aliases.length > 0 ? (
        <ul className="alias-list">
          {account.aliases.map((alias) => (
            <AliasItem
              key={alias.id}
              account={account}
              alias={alias}
              panel={panel}
              busy={busy}
              changingDefault={state.changingDefault}
              controls={controls}
              onAccountFix={onAccountFix}
            />
          ))}
        </ul>
      ) : (
        <p className="note">No other addresses yet.</p>
      )}
      {state.problem && (
        <p className="panel panel--error" role="alert">
          {state.problem}
        </p>
      )}
      <div className="actions actions--start">
        <PanelButton
          id={ids.addButton}
          panelId={ids.form}
          open={panel.kind === 'add'}
          disabled={busy}
          onClick={controls.openAdd}
        >
          Add address
        </PanelButton>
        <PanelButton
          id={ids.sendButton}
          panelId={ids.sendPanel}
          open={panel.kind === 'send'}
          disabled={busy}
          onClick={controls.openSend}
        >
          Send a test email…
        </PanelButton>
        <PanelButton
          id={ids.exportButton}
          panelId={ids.exportPanel}
          open={panel.kind === 'export'}
          disabled={busy}
          onClick={controls.openExport}
        >
          Copy identities
        </PanelButton>
      </div>
      {panel.kind === 'add' && <AddAliasForm account={account} panel={panel} controls={controls} />}
      {panel.kind === 'send' && (
        <SendTestForm account={account} send={panel.send} controls={controls} onAccountFix={onAccountFix} />
      )}
      {panel.kind === 'export' && <ExportPanel account={account} exported={panel.exported} controls={controls} />}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  )
}

interface PanelButtonProps {
  id: string
  /** The panel it opens, shown under the buttons while open. */
  panelId: string
  open: boolean
  disabled: boolean
  onClick: () => void
  children: ReactNode
}

/** A button that opens one of the section's panels, and says whether it is open. */
function PanelButton({ id, panelId, open, disabled, onClick, children }: PanelButtonProps) {
  return (
    <button
      type="button"
      id={id}
      className="button"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  )
}
