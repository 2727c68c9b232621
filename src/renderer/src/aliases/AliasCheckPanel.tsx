import { useEffect, useRef } from 'react'
import type { AccountView, Alias } from '../../../shared/account.js'
import type { Fix } from '../../../shared/diagnosis.js'
import { useEscape } from '../ui/use-escape.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import { awaitingRoundTrip, type AliasCheck } from './alias-check.js'
import { forAlias } from './alias-fix.js'
import { aliasIds } from './alias-ids.js'
import { checkHeading, sendsThroughGmail } from './alias-words.js'
import { CheckOptions } from './CheckOptions.js'
import { RoundTripLevel } from './RoundTripLevel.js'
import { SenderLevel } from './SenderLevel.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  account: AccountView
  alias: Alias
  check: AliasCheck
  controls: AliasControls
  onAccountFix: (fix: Fix) => void
}

/** Checking one alias: the test-message choice, then the server check live, then each check's outcome and fix. */
export function AliasCheckPanel({ account, alias, check, controls, onAccountFix }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [openUrl, openProblem] = useOpenExternal()
  const ids = aliasIds(account.id).alias(alias.id)
  const running = check.status === 'running'
  const testId = check.status === 'running' || check.status === 'finished' ? check.testId : null
  // a new run and its outcome each take focus, so keyboard and screen reader users land on the news
  useEffect(() => {
    if (check.status !== 'options') headingRef.current?.focus()
  }, [check.status, testId])
  // during the round trip the message is already sent: a cancel only stops the wait for it
  const waiting = awaitingRoundTrip(check)
  useEscape(running, controls.cancelCheck)
  useEscape(check.status === 'options', controls.close)

  const ownServer = alias.smtp !== null
  const google = sendsThroughGmail(account, alias)
  const onFix = (fix: Fix): void => {
    if (fix.kind === 'open-url') openUrl(fix.url)
    else onAccountFix(fix)
  }
  if (check.status === 'options') {
    return <CheckOptions account={account} alias={alias} check={check} controls={controls} panelId={ids.panel} />
  }
  return (
    <section id={ids.panel} className="check alias-panel" aria-labelledby={`${ids.panel}-title`}>
      <h5 id={`${ids.panel}-title`} ref={headingRef} tabIndex={-1} className="check-title">
        {checkHeading(check, alias.address, google)}
      </h5>
      {check.status === 'error' ? (
        <p className="panel panel--error">{check.message}</p>
      ) : (
        <div className="levels">
          <SenderLevel
            id={ids.panel}
            check={check}
            google={google}
            fixFor={(fix) => forAlias(fix, ownServer)}
            onFix={onFix}
          />
          <RoundTripLevel
            id={ids.roundTrip}
            address={alias.address}
            check={check}
            accountEmail={account.email}
            google={google}
            fixFor={(fix) => forAlias(fix, ownServer)}
            onFix={onFix}
          />
        </div>
      )}
      {openProblem && <p className="field-error">{openProblem}</p>}
      <div className="actions actions--start">
        {running ? (
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Escape"
            disabled={check.cancelling}
            onClick={controls.cancelCheck}
          >
            {waiting ? 'Stop waiting' : 'Cancel check'} <kbd>Esc</kbd>
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={controls.checkAgain}>
              Check again
            </button>
            <button type="button" className="button" onClick={controls.close}>
              Close
            </button>
          </>
        )}
      </div>
    </section>
  )
}
