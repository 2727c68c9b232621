import type { Fix } from '../../../shared/diagnosis.js'
import { assertNever } from '../../../shared/result.js'

/**
 * What a screen can do about a fix. 'act': it can change the setting, take a new password, open the
 * page. 'advise': it has no settings to change (explain an error), so only a page opens; the rest is
 * said as what to do.
 */
export type FixMode = 'act' | 'advise'

interface Props {
  fix: Fix
  mode: FixMode
  onFix: (fix: Fix) => void
  disabled: boolean
  /** The screen's one primary action; off where another action leads (one primary button per screen). */
  primary?: boolean
}

/** Whether a fix shows as a button (something to do here) rather than as advice. */
export function fixIsAction(fix: Fix, mode: FixMode): boolean {
  switch (fix.kind) {
    case 'open-url':
      return true
    case 'switch-security':
    case 'replace-password':
    case 'check-settings':
    case 'switch-username':
    case 'sign-in':
    case 'allow-tls-version':
      return mode === 'act'
    case 'retry-later':
    case 'contact-admin':
    case 'none':
      return false
    default:
      return assertNever(fix)
  }
}

/** A fix as one button when the screen can carry it out, or as advice when it cannot. */
export function FixAction({ fix, mode, onFix, disabled, primary = true }: Props) {
  const button = (
    <button
      type="button"
      className={primary ? 'button button--primary' : 'button'}
      disabled={disabled}
      onClick={() => onFix(fix)}
    >
      {fix.label}
    </button>
  )
  const whatToDo = (
    <p className="fix-advice">
      What to do: <span>{fix.label}</span>
    </p>
  )
  switch (fix.kind) {
    case 'open-url':
      return button
    case 'switch-security':
    case 'replace-password':
    case 'check-settings':
    case 'switch-username':
    case 'sign-in':
    case 'allow-tls-version':
      return mode === 'act' ? button : whatToDo
    case 'retry-later':
    case 'contact-admin':
      return mode === 'act' ? <p className="fix-advice">{fix.label}</p> : whatToDo
    case 'none':
      return <p className="fix-advice">{fix.label}</p>
    default:
      return assertNever(fix)
  }
}
