import { useCallback, useEffect, useState } from 'react'
import type { KeychainHealth } from '../../../shared/keychain.js'
import { mailkey, settle } from '../lib/api.js'

export type KeychainProblemHealth = Extract<KeychainHealth, { ok: false }>

/** What the app knows about the keychain: only `problem` blocks typing a password. */
export type KeychainCheck =
  | { status: 'checking' }
  | { status: 'ok' }
  /** `rechecking`: the problem stays on screen (and its button keeps focus) while checking again. */
  | { status: 'problem'; health: KeychainProblemHealth; rechecking: boolean }
  /** The check itself could not run; saving will say what is wrong if it fails. */
  | { status: 'unknown'; message: string }

function fromResult(r: Awaited<ReturnType<typeof checkKeychain>>): KeychainCheck {
  if (!r.ok) return { status: 'unknown', message: r.error.message }
  return r.value.ok ? { status: 'ok' } : { status: 'problem', health: r.value, rechecking: false }
}

function checkKeychain() {
  return settle(() => mailkey().keychainStatus())
}

/** Checks the keychain on mount and on request ("Check again" after unlocking it). */
export function useKeychainHealth(): [check: KeychainCheck, recheck: () => void] {
  const [check, setCheck] = useState<KeychainCheck>({ status: 'checking' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    void checkKeychain().then((r) => {
      if (live) setCheck(fromResult(r))
    })
    return () => {
      live = false
    }
  }, [attempt])
  const recheck = useCallback(() => {
    setCheck((c) => (c.status === 'problem' ? { ...c, rechecking: true } : { status: 'checking' }))
    setAttempt((n) => n + 1)
  }, [])
  return [check, recheck]
}

/** A password typed now could not be kept. */
export function keychainBlocked(check: KeychainCheck): boolean {
  return check.status === 'problem'
}
