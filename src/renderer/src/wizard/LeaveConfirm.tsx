import { useCallback, useRef } from 'react'
import { useEscape } from '../ui/use-escape.js'
import { useFocusOnMount } from '../ui/use-focus-on-mount.js'

interface Props {
  editing: boolean
  onStay: () => void
  onLeave: () => void
}

/** "Back to accounts" with something typed asks first, in place; Escape (or Keep) stays. */
export function LeaveConfirm({ editing, onStay, onLeave }: Props) {
  const stayRef = useFocusOnMount<HTMLButtonElement>()
  const once = useRef(false)
  const stay = useCallback(() => {
    if (once.current) return
    once.current = true
    onStay()
  }, [onStay])
  useEscape(true, stay)
  return (
    <div className="leave-confirm" role="group" aria-label="Leave without saving?">
      <p>
        {editing
          ? 'Leave without saving? Your changes to this account are lost; the saved account stays as it was.'
          : 'Leave without saving? What you entered here is lost.'}
      </p>
      <div className="actions actions--start">
        <button type="button" className="button button--primary" ref={stayRef} onClick={stay}>
          {editing ? 'Keep editing' : 'Keep setting up'}
        </button>
        <button type="button" className="button" onClick={onLeave}>
          Leave without saving
        </button>
      </div>
    </div>
  )
}
