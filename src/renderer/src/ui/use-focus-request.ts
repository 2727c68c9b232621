import { useCallback, useEffect, useRef } from 'react'

/**
 * Focus an element by id once it is on screen: after an answer from main closes a panel or adds a row,
 * the element to land on only exists after the next render. The request waits for it.
 */
export function useFocusRequest(): (id: string) => void {
  const wanted = useRef<string | null>(null)
  useEffect(() => {
    const id = wanted.current
    if (!id) return
    const el = document.getElementById(id)
    if (!el) return
    wanted.current = null
    el.focus()
  })
  return useCallback((id: string) => {
    wanted.current = id
    // already there (nothing re-renders): focus it now
    const el = document.getElementById(id)
    if (el) {
      wanted.current = null
      el.focus()
    }
  }, [])
}
