import { useEffect, type Dispatch } from 'react'
import { mailkey, settle } from '../lib/api.js'
import type { AppAction, Screen } from './app-state.js'

/**
 * Loads the accounts whenever the app shows its loading screen (at start, and on "Try again"), the
 * startup notices once, and listens for accounts main re-checked on its own (the quiet hourly re-check).
 */
export function useStartup(screen: Screen, dispatch: Dispatch<AppAction>): void {
  const loading = screen.name === 'loading'
  useEffect(() => {
    if (!loading) return
    let live = true
    void settle(() => mailkey().listAccounts()).then((result) => {
      if (live) dispatch({ type: 'accountsLoaded', result })
    })
    return () => {
      live = false
    }
  }, [loading, dispatch])

  useEffect(() => mailkey().onAccountChanged((account) => dispatch({ type: 'accountUpdated', account })), [dispatch])

  useEffect(() => {
    let live = true
    void settle(() => mailkey().getNotices()).then((r) => {
      // a notice that cannot be fetched is not worth an error of its own
      if (live && r.ok) dispatch({ type: 'noticesLoaded', notices: r.value.notices })
    })
    return () => {
      live = false
    }
  }, [dispatch])
}
