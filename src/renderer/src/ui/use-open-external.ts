import { useCallback, useState } from 'react'
import { mailkey, settle } from '../lib/api.js'

/**
 * Opens a provider page in the system browser (main checks it against its allowlist). Returns the
 * opener and the reason the last attempt failed, if it did.
 */
export function useOpenExternal(): [open: (url: string) => void, problem: string | null] {
  const [problem, setProblem] = useState<string | null>(null)
  const open = useCallback((url: string) => {
    setProblem(null)
    void settle(() => mailkey().openExternal({ url })).then((r) => {
      if (!r.ok) setProblem(`The page could not be opened: ${r.error.message}`)
    })
  }, [])
  return [open, problem]
}
