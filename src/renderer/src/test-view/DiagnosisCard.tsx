import type { ReactNode, Ref } from 'react'
import type { Fix } from '../../../shared/diagnosis.js'
import type { Stage } from '../../../shared/mail.js'
import type { CertificateInfo } from '../../../shared/report.js'
import { STAGE_LABEL } from '../lib/labels.js'
import { CertificateDetails, type TrustOffer } from './CertificateDetails.js'
import type { ServerWords } from './findings.js'
import { FixAction, type FixMode } from './FixAction.js'

/**
 * What a diagnosis shows. A failed server's report, a round trip's, a test message's diagnosis and a
 * pasted error's explanation all have this shape; each shows the parts it has.
 */
export interface DiagnosisContent {
  title?: string | undefined
  explanation?: string | undefined
  /** The server's own words (or the pasted ones), shown verbatim and as text. */
  serverText?: string | undefined
  fix?: Fix | undefined
  failedStage?: Stage | undefined
  certificate?: CertificateInfo | undefined
}

/** How something Mailkey did beyond a connection test went (a round trip, a test message). */
export type OutcomeTone = 'ok' | 'problem' | 'warning'

interface Props {
  /** Unique on the page; the title's id is `${id}-title`. */
  id: string
  report: DiagnosisContent
  /** Colours it as an outcome; without a tone it is a failed test's diagnosis. */
  tone?: OutcomeTone | undefined
  /**
   * 'part' (default): one piece of a test or check, a group titled by an h4.
   * 'answer': the whole answer of a screen (explain an error), a region titled by an h2 that can take focus.
   */
  placement?: 'part' | 'answer'
  /** A part's heading level: 4 under a server's panel (h3, the default), 3 where it sits right under a screen's h2. */
  level?: 3 | 4
  headingRef?: Ref<HTMLHeadingElement>
  /** The caption over the verbatim words: the server's, or what the user pasted. */
  wordsLabel?: string
  /** Each server's own words, when one diagnosis speaks for both (replaces `report.serverText`). */
  words?: ServerWords[] | undefined
  /** Whose failure this is, said above the title ("Incoming and outgoing mail"). */
  context?: string | undefined
  /** Its fix is the screen's primary action (default); off where another action leads. */
  primaryFix?: boolean
  fixMode?: FixMode
  /** Runs a fix shown as a button; the others are advice. */
  onFix: (fix: Fix) => void
  disabled?: boolean
  /** Why the fix's page could not be opened, said under its button. */
  fixProblem?: string | null
  /** Names for stages that mean something else here (see StageList). */
  stageLabels?: Partial<Record<Stage, string>>
  /** Facts between the explanation and the fix (what arrived, from whom). */
  children?: ReactNode
  /** More to do right here, after the fix (the wizard's field for a new password). */
  actions?: ReactNode
  /** "Trust this certificate for host:port", when the screen can do it and Mailkey offers it. */
  trust?: TrustOffer | undefined
}

/** Why something failed (or how it went), in plain words, with the one fix and the server's own words. */
export function DiagnosisCard({
  id,
  report,
  tone,
  placement = 'part',
  level = 4,
  headingRef,
  wordsLabel = 'Exact message',
  words,
  context,
  primaryFix = true,
  fixMode = 'act',
  onFix,
  disabled = false,
  fixProblem = null,
  stageLabels = {},
  children,
  actions,
  trust,
}: Props) {
  const answer = placement === 'answer'
  const Root = answer ? 'section' : 'div'
  const headingLevel = answer ? 2 : level
  const Heading = `h${headingLevel}` as const
  const look = tone ? `outcome outcome--${tone}` : 'diagnosis'
  const said =
    words ?? (report.serverText ? [{ side: 'incoming' as const, label: wordsLabel, text: report.serverText }] : [])
  return (
    <Root
      className={answer ? `${look} diagnosis--explained` : look}
      role={answer ? undefined : 'group'}
      aria-labelledby={`${id}-title`}
    >
      {context && <p className="diagnosis-context">{context}</p>}
      <Heading id={`${id}-title`} ref={headingRef} tabIndex={answer ? -1 : undefined} className="diagnosis-title">
        {report.title ?? (answer ? 'Mailkey could not explain it' : 'The test failed')}
      </Heading>
      {report.explanation && <p>{report.explanation}</p>}
      {report.failedStage && (
        <p className="diagnosis-stage">
          Stopped at: <strong>{stageLabels[report.failedStage] ?? STAGE_LABEL[report.failedStage]}</strong>
        </p>
      )}
      {children}
      {report.certificate && (
        <CertificateDetails certificate={report.certificate} trust={trust} level={(headingLevel + 1) as 3 | 4 | 5} />
      )}
      {/* the fix before the evidence: at the default window size it is in view without scrolling */}
      {report.fix && (
        <FixAction fix={report.fix} mode={fixMode} onFix={onFix} disabled={disabled} primary={primaryFix} />
      )}
      {fixProblem && <p className="field-error">{fixProblem}</p>}
      {actions}
      {said.map((w) => (
        <figure className="server-said" key={`${w.side}-${w.label}`}>
          <figcaption>{w.label}</figcaption>
          {/* verbatim and as text: servers (and pasted messages) can say anything, including markup */}
          <pre className="server-text">{w.text}</pre>
        </figure>
      ))}
    </Root>
  )
}
