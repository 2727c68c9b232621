import type { KeychainProblem } from '../../shared/keychain.js'
import { AppError } from '../app-error.js'

const ADVICE: Record<KeychainProblem, string> = {
  'no-session-bus':
    'No desktop session bus (D-Bus) is running, so the keychain cannot be reached. Start Mailkey from your desktop session.',
  'no-secret-service':
    'No keychain service is installed. Install GNOME Keyring (package gnome-keyring) or KWallet, log out and in, then try again.',
  locked:
    'Your keychain is locked or has no default collection. Unlock it (for example in “Passwords and Keys”), then try again.',
  'module-broken': 'The keychain module is not installed correctly. Reinstall Mailkey.',
  unknown: 'Mailkey could not use the system keychain.',
}

/**
 * Names what is wrong with the keychain from keytar's low-level message (measured in
 * ../shared/notes/toolchain.md §4), so the user gets what to install or unlock.
 */
export function keychainProblem(raw: string): KeychainProblem {
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Failed to connect to socket|Could not connect/i.test(raw))
    return 'no-session-bus'
  if (/org\.freedesktop\.secrets was not provided|ServiceUnknown|not provided by any \.service/i.test(raw))
    return 'no-secret-service'
  if (/collection\/login|locked|Cannot create an item in a locked collection|prompt|dismissed/i.test(raw))
    return 'locked'
  if (/Cannot find module|keytar\.node|was compiled against|NODE_MODULE_VERSION/i.test(raw)) return 'module-broken'
  return 'unknown'
}

export function keychainAdvice(problem: KeychainProblem): string {
  return ADVICE[problem]
}

/** A keychain failure as an app error: what to do, then the system's words (never a secret). */
export function keychainError(error: unknown, writing = true): AppError {
  const raw = (error instanceof Error ? error.message : String(error)).slice(0, 200)
  const problem = keychainProblem(raw)
  return new AppError('KEYCHAIN_UNAVAILABLE', `${ADVICE[problem]}${writing ? ' Nothing was saved.' : ''} (${raw})`)
}
