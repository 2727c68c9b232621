import type { Stage } from '../../../shared/mail.js'
import { assertNever } from '../../../shared/result.js'
import { formatMs } from '../lib/format.js'
import { STAGE_LABEL } from '../lib/labels.js'
import type { StageRow, StageState } from './test-run.js'
import { useTimeLeft, waitText } from './use-time-left.js'

const STATE_TEXT: Record<StageState, string> = {
  pending: 'waiting',
  running: 'in progress',
  done: 'done',
  failed: 'failed',
  skipped: 'not reached',
}

function Mark({ state }: { state: StageState }) {
  switch (state) {
    case 'pending':
    case 'skipped':
      return <span className="stage-mark" aria-hidden="true" />
    case 'running':
      return <span className="stage-mark stage-mark--spinner" aria-hidden="true" />
    case 'done':
      return (
        <span className="stage-mark" aria-hidden="true">
          ✓
        </span>
      )
    case 'failed':
      return (
        <span className="stage-mark" aria-hidden="true">
          ✕
        </span>
      )
    default:
      return assertNever(state)
  }
}

interface Props {
  rows: StageRow[]
  label: string
  /** Names for stages that mean something else here (a sender check's last stage is the envelope). */
  labels?: Partial<Record<Stage, string>>
}

/** Said under a greeting that is taking long: why it can, and that the wait ends by itself. */
const GREETING_WAIT =
  'A port that expects SSL/TLS from the first byte stays silent here; when the wait ends, Mailkey checks for that.'

/** Every planned stage of one server, each row always present so nothing moves while a test runs. */
export function StageList({ rows, label, labels = {} }: Props) {
  const left = useTimeLeft(rows)
  return (
    <ol className="stages" aria-label={label}>
      {rows.map((row) => {
        const counting = row.state === 'running' && left?.stage === row.stage
        return (
          <li key={row.stage} className={`stage stage--${row.state}`} data-state={row.state}>
            <Mark state={row.state} />
            <span className="stage-label">
              {labels[row.stage] ?? STAGE_LABEL[row.stage]}
              {counting && row.stage === 'greeting' && left.shown && (
                <span className="stage-wait">{GREETING_WAIT}</span>
              )}
            </span>
            <span className="visually-hidden">, {STATE_TEXT[row.state]}</span>
            <span className="stage-ms">
              {counting && left.shown ? waitText(left.ms) : row.ms === undefined ? '' : formatMs(row.ms)}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
