const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** "12 ms", "1.4 s": durations as people read them. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** A saved ISO time in the user's own locale, or null for a value that is not a time. */
export function formatWhen(iso: string): string | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : WHEN.format(date)
}
