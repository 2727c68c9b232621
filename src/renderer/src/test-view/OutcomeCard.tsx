import type { ReactNode } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import { FixAction } from './DiagnosisCard.js'

export type OutcomeTone = 'ok' | 'problem' | 'warning'

interface Props {
  id: string
  tone: OutcomeTone
  title: string
  explanation?: string | undefined
  /** The server's own words, shown verbatim and as text. */
  serverText?: string | undefined
  fix?: Fix | undefined
  onFix: (fix: Fix) => void
  disabled?: boolean
  /** Facts between the explanation and the server's words (what arrived, from whom). */
  children?: ReactNode
}

/**
 * What came of something Mailkey did beyond a connection test (a round trip, a test message): a plain
 * title, why, the server's words and the one fix, like a diagnosis.
 */
export function OutcomeCard({
  id,
  tone,
  title,
  explanation,
  serverText,
  fix,
  onFix,
  disabled = false,
  children,
}: Props) {
  return (
    <div className={`outcome outcome--${tone}`} role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="diagnosis-title">
        {title}
      </h4>
      {explanation && <p>{explanation}</p>}
      {children}
      {serverText && (
        <figure className="server-said">
          <figcaption>Exact message</figcaption>
          <pre className="server-text">{serverText}</pre>
        </figure>
      )}
      {fix && <FixAction fix={fix} onFix={onFix} disabled={disabled} />}
    </div>
  )
}
