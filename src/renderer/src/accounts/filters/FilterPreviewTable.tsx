import type { IncomingFilter } from '../../../../shared/filters/filter.js'
import { judge, type FilterRule } from '../../../../shared/filters/match.js'
import type { PreviewedMessage } from '../../../../shared/filters/results.js'
import { formatWhen } from '../../lib/format.js'

const RULE_WORD: Record<FilterRule['list'], string> = { addresses: 'Address', domains: 'Domain', keywords: 'Keyword' }

function why(m: PreviewedMessage): string {
  if (m.rule) return `${RULE_WORD[m.rule.list]} “${m.rule.entry}”`
  return m.verdict === 'ignored' ? 'Matches no entry of the Allow list' : 'Matches no entry'
}

interface Props {
  /** The messages as main read and judged them; judged again here by `filter` as the draft changes. */
  messages: readonly PreviewedMessage[]
  total: number
  /** The draft as it stands; null while it has a mistake (then main's judgement is shown). */
  filter: IncomingFilter | null
  idPrefix: string
}

/** The newest messages of the inbox, each allowed or ignored by the filter being edited, and by which entry. */
export function FilterPreviewTable({ messages, total, filter, idPrefix }: Props) {
  const judged = filter ? messages.map((m) => ({ ...m, ...judge(filter, m) })) : messages
  const ignored = judged.filter((m) => m.verdict === 'ignored').length
  const captionId = `${idPrefix}filter-preview-caption`
  return (
    <div className="table-wrap">
      <table className="check-all-table filter-preview" aria-describedby={captionId}>
        <caption id={captionId} className="filter-preview-caption">
          The newest {judged.length} of {total} messages in the inbox: {judged.length - ignored} allowed, {ignored}{' '}
          ignored.
        </caption>
        <thead>
          <tr>
            <th scope="col">Filter</th>
            <th scope="col">Why</th>
            <th scope="col">From</th>
            <th scope="col">Subject</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {judged.map((m) => (
            <tr key={m.uid} data-verdict={m.verdict}>
              <td className={`check-all-result check-all-result--${m.verdict === 'allowed' ? 'works' : 'failing'}`}>
                {m.verdict === 'allowed' ? 'Allowed' : 'Ignored'}
              </td>
              <td>{why(m)}</td>
              <td className="mono">{m.from.join(', ') || '(no sender)'}</td>
              <th scope="row">{m.subject || '(no subject)'}</th>
              <td>{m.date ? <time dateTime={m.date}>{formatWhen(m.date)}</time> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
