import type { Fix } from '../../../shared/diagnosis.js'

/**
 * A fix for an alias's own server cannot be applied from here (its login is not the account's), so
 * it is shown as advice; links still open.
 */
export function forAlias(fix: Fix | undefined, ownServer: boolean): Fix | undefined {
  if (!fix || !ownServer || fix.kind === 'open-url') return fix
  return { kind: 'none', label: fix.label }
}
