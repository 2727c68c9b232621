/** Why the keychain cannot be used, as the UI and CLI name it. */
export type KeychainProblem = 'no-session-bus' | 'no-secret-service' | 'locked' | 'module-broken' | 'unknown'

export type KeychainHealth =
  | { ok: true }
  | {
      ok: false
      problem: KeychainProblem
      /** What to install or unlock, in plain words. */
      advice: string
      /** The system's own message. */
      detail: string
    }
