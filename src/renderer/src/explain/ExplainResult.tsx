import { useEffect, useRef, type ReactNode, type Ref } from 'react'
import type { Diagnosis } from '../../../shared/diagnosis.js'
import { DiagnosisCard } from '../test-view/DiagnosisCard.js'
import { useOpenExternal } from '../ui/use-open-external.js'
import type { ExplainRequest } from './explain-state.js'

/** There are no settings on this screen to change: a fix is a page to open, or advice. */
function Explained({
  diagnosis,
  headingRef,
  next,
}: {
  diagnosis: Diagnosis
  headingRef: Ref<HTMLHeadingElement>
  next: ReactNode
}) {
  const [open, problem] = useOpenExternal()
  return (
    <DiagnosisCard
      actions={next}
      id="explain"
      report={diagnosis}
      placement="answer"
      headingRef={headingRef}
      wordsLabel="The words you pasted"
      fixMode="advise"
      onFix={(fix) => {
        if (fix.kind === 'open-url') open(fix.url)
      }}
      fixProblem={problem}
    />
  )
}

/**
 * The explanation, or why there is none; focus moves to it when it arrives. `nextStep` is what to do
 * when the message says too little (a real test), shown with an explanation Mailkey could not give.
 */
export function ExplainResult({
  request,
  nextStep,
}: {
  request: ExplainRequest
  nextStep: (diagnosis: Diagnosis) => ReactNode
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const shown = request.status === 'explained' || request.status === 'failed' ? request.requestId : null
  useEffect(() => {
    if (shown !== null) headingRef.current?.focus()
  }, [shown])
  return (
    <div className="explain-result">
      {request.status === 'explained' && (
        <Explained diagnosis={request.diagnosis} headingRef={headingRef} next={nextStep(request.diagnosis)} />
      )}
      {request.status === 'failed' && (
        <div className="panel panel--error" role="alert">
          <h2 ref={headingRef} tabIndex={-1}>
            Mailkey could not explain it
          </h2>
          <p>{request.message}</p>
        </div>
      )}
    </div>
  )
}
