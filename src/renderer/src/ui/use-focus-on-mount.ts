import { useEffect, useRef } from 'react'

/**
 * Focus on the element when it first appears: each step starts where the user should act or read.
 * `enabled` is read once; pass false when a child takes focus itself (children's effects run first).
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null)
  const wanted = useRef(enabled)
  useEffect(() => {
    if (wanted.current) ref.current?.focus()
  }, [])
  return ref
}
