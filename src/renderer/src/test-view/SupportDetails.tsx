import { useEffect, useRef, useState } from 'react'
import type { TestReport } from '../../../shared/report.js'
import { mailkey, settle } from '../lib/api.js'
import { supportText } from './support-text.js'

interface Props {
  testId: string
  report: TestReport
  /** Unique on the page (an accounts screen shows one per card). */
  idPrefix?: string
}

type Loaded = { status: 'loading' } | { status: 'ready'; text: string } | { status: 'failed'; message: string }

/** Selects the text so Ctrl+C copies it, when the clipboard itself is not available. */
function selectText(el: HTMLElement | null): void {
  const selection = window.getSelection()
  if (!el || !selection) return
  const range = document.createRange()
  range.selectNodeContents(el)
  selection.removeAllRanges()
  selection.addRange(range)
}

/** "Copy details for support": the redacted exchange with both servers, to copy or to read. */
export function SupportDetails({ testId, report, idPrefix = '' }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })
  const [copied, setCopied] = useState<string>('')
  const [open, setOpen] = useState(false)
  const textRef = useRef<HTMLPreElement>(null)

  useEffect(() => {
    let live = true
    void settle(() => mailkey().getTranscript({ testId })).then((r) => {
      if (!live) return
      setLoaded(
        r.ok ? { status: 'ready', text: supportText(report, r.value) } : { status: 'failed', message: r.error.message },
      )
    })
    return () => {
      live = false
    }
  }, [testId, report])

  if (loaded.status === 'failed') {
    return <p className="note">The details of this test are not available: {loaded.message}</p>
  }
  const text = loaded.status === 'ready' ? loaded.text : ''
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied('Copied. Paste the details into your message to support. They contain no password.')
    } catch {
      // the clipboard can be refused; the text is right here to copy by hand
      setOpen(true)
      setCopied('Mailkey could not use the clipboard. The details are selected below: press Ctrl+C to copy them.')
      requestAnimationFrame(() => selectText(textRef.current))
    }
  }
  return (
    <div className="support">
      <div className="support-row">
        <button type="button" className="button" disabled={loaded.status !== 'ready'} onClick={() => void copy()}>
          Copy details for support
        </button>
        <p className="support-copied" role="status">
          {copied}
        </p>
      </div>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Show the details (what Mailkey and the servers said)</summary>
        <pre
          ref={textRef}
          id={`${idPrefix}support-text`}
          className="transcript"
          tabIndex={0}
          role="region"
          aria-label="Details for support"
        >
          {text}
        </pre>
      </details>
    </div>
  )
}
