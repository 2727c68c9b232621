import { useEffect } from 'react'

/** Escape runs `action` while `active` (cancel a running test, close a form); one listener at a time. */
export function useEscape(active: boolean, action: () => void): void {
  useEffect(() => {
    if (!active) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault()
        action()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [active, action])
}
