/**
 * The system browser, as the OAuth tests need it: it opens the authorization URL (the bed's
 * authorization server signs the user in at once and redirects), then follows the redirect to
 * Mailkey's loopback listener. It keeps what it saw, so a test can check the URL and scan outputs for
 * the authorization code.
 */
export interface BrowserVisit {
  authorizationUrl: URL
  /** Where the authorization server redirected: the listener, with `code` and `state`. */
  redirect?: URL
  code?: string
  /** The listener's answers, in order. */
  statuses: number[]
}

export interface BrowserOptions {
  /** First call the listener with a forged state (another page's request), then the real one. */
  forgedStateFirst?: boolean
  /** After the real redirect, try it once more (a replay). */
  replay?: boolean
  /** Never come back (the user closed the tab): nothing is fetched. */
  never?: boolean
}

export class FakeBrowser {
  readonly visits: BrowserVisit[] = []
  /** What the replay got: an HTTP status, or the connection error's code. */
  replayOutcome: number | string | undefined

  constructor(private readonly opts: BrowserOptions = {}) {}

  /** `openAuthorization` for the services: (url, configured endpoint). */
  readonly open = async (url: string): Promise<void> => {
    const visit: BrowserVisit = { authorizationUrl: new URL(url), statuses: [] }
    this.visits.push(visit)
    if (this.opts.never) return
    const r = await fetch(url, { redirect: 'manual' })
    const location = r.headers.get('location')
    if (!location) throw new Error(`the authorization server did not redirect (HTTP ${r.status})`)
    const redirect = new URL(location)
    visit.redirect = redirect
    visit.code = redirect.searchParams.get('code') ?? undefined
    if (this.opts.forgedStateFirst) {
      const forged = new URL(redirect)
      forged.searchParams.set('state', 'forged-by-another-page')
      visit.statuses.push((await fetch(forged)).status)
    }
    visit.statuses.push((await fetch(redirect)).status)
    if (this.opts.replay) {
      try {
        this.replayOutcome = (await fetch(redirect)).status
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause
        this.replayOutcome = cause?.code ?? 'error'
      }
    }
  }
}
