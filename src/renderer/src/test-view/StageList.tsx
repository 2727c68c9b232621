import type { Stage } from '../../../shared/mail.js'
import { assertNever } from '../../../shared/result.js'
import { formatMs } from '../lib/format.js'
import { STAGE_LABEL } from '../lib/labels.js'
import type { StageRow, StageState } from './test-run.js'

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
  /** Names for stages that mean something else here (a sender check's last stage is MAIL FROM). */
  labels?: Partial<Record<Stage, string>>
}

/** Every planned stage of one server, each row always present so nothing moves while a test runs. */
export function StageList({ rows, label, labels = {} }: Props) {
  return (
    <ol className="stages" aria-label={label}>
      {rows.map((row) => (
        <li key={row.stage} className={`stage stage--${row.state}`} data-state={row.state}>
          <Mark state={row.state} />
          <span className="stage-label">{labels[row.stage] ?? STAGE_LABEL[row.stage]}</span>
          <span className="visually-hidden">, {STATE_TEXT[row.state]}</span>
          <span className="stage-ms">{row.ms === undefined ? '' : formatMs(row.ms)}</span>
        </li>
      ))}
    </ol>
  )
}
