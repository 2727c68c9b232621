import { useCallback, useReducer } from 'react'
import { assertNever } from '../../shared/result.js'
import { AccountsScreen } from './accounts/AccountsScreen.js'
import { appReducer, initialAppState, type AppState, type AppAction } from './app/app-state.js'
import { NoticeBanner } from './app/NoticeBanner.js'
import { useStartup } from './app/use-startup.js'
import { ExplainScreen } from './explain/ExplainScreen.js'
import { StepBoundary } from './ui/StepBoundary.js'
import { Wizard } from './wizard/Wizard.js'
import { TransferPanel } from './accounts/transfer/TransferPanel.js'
import type { Dispatch } from 'react'

/** After a banner goes, focus lands on the screen rather than on nothing. */
function focusScreen(): void {
  document.querySelector<HTMLElement>('main :is(h1, h2)[tabindex], main :is(input, textarea, select, button)')?.focus()
}

function ScreenView({ state, dispatch }: { state: AppState; dispatch: Dispatch<AppAction> }) {
  const { screen, accounts } = state
  switch (screen.name) {
    case 'loading':
      return <main className="screen" aria-busy="true" />
    case 'unavailable':
      return (
        <main className="screen">
          <div className="panel panel--error" role="alert">
            <h1 className="screen-title">Mailkey could not read your accounts</h1>
            <p>{screen.message}</p>
            <div className="actions">
              <button type="button" className="button" onClick={() => dispatch({ type: 'addRequested' })}>
                Add an account
              </button>
              <button type="button" className="button button--primary" onClick={() => dispatch({ type: 'retried' })}>
                Try again
              </button>
            </div>
          </div>
        </main>
      )
    case 'accounts':
      return (
        <StepBoundary what="your accounts">
          <AccountsScreen
            accounts={accounts}
            notice={screen.notice}
            checkOnArrival={screen.check ?? null}
            dispatch={dispatch}
          />
        </StepBoundary>
      )
    case 'wizard':
      return (
        <>
          <Wizard
            initialState={screen.initial}
            onSaved={(account) => dispatch({ type: 'wizardFinished', account })}
            onClose={accounts.length > 0 ? () => dispatch({ type: 'wizardClosed' }) : undefined}
            onExplain={(resume) => dispatch({ type: 'explainOpened', back: { name: 'wizard', resume } })}
          />
          {/* a first run can start from another computer's Mailkey instead: Import… */}
          {accounts.length === 0 && (
            <aside className="screen">
              <TransferPanel
                accounts={accounts}
                onImported={(list) => {
                  dispatch({ type: 'accountsChanged', accounts: list })
                  if (list.length > 0) dispatch({ type: 'wizardClosed' })
                }}
              />
            </aside>
          )}
        </>
      )
    case 'explain':
      return (
        <StepBoundary what="the error explainer">
          <ExplainScreen
            backLabel={screen.back.name === 'wizard' ? 'Back to the setup' : 'Back to accounts'}
            onBack={() => dispatch({ type: 'explainClosed' })}
            accounts={accounts}
            onTestAccount={(account) => dispatch({ type: 'explainTestRequested', accountId: account.id })}
            onSetUp={(email) => dispatch({ type: 'explainSetUpRequested', email })}
            fromSetup={screen.back.name === 'wizard'}
          />
        </StepBoundary>
      )
    default:
      return assertNever(screen)
  }
}

/** The window: startup notices on top, then one screen at a time. */
export function App() {
  const [state, dispatch] = useReducer(appReducer, initialAppState)
  useStartup(state.screen, dispatch)
  const dismiss = useCallback((index: number) => {
    dispatch({ type: 'noticeDismissed', index })
    requestAnimationFrame(focusScreen)
  }, [])
  return (
    <>
      <NoticeBanner notices={state.notices} onDismiss={dismiss} />
      <ScreenView state={state} dispatch={dispatch} />
    </>
  )
}
