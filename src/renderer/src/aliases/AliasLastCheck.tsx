import type { Alias } from '../../../shared/account.js'
import { formatWhen } from '../lib/format.js'
import { lastCheckLines } from './alias-words.js'

/** The last check of an alias, each check on its own line, and when it ran. */
export function AliasLastCheck({ alias, google }: { alias: Alias; google: boolean }) {
  const at = alias.lastCheck?.at
  const when = at ? formatWhen(at) : null
  return (
    <div className="alias-check">
      <dl className="alias-levels">
        {lastCheckLines(alias, google).map((line) => (
          <div className="summary-row" key={line.level}>
            <dt>{line.level}</dt>
            <dd>
              <span className={`level level--${line.tone}`}>{line.verdict}</span>
              {line.detail && <span className="level-detail">: {line.detail}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {at && when && (
        <p className="note">
          Last checked <time dateTime={at}>{when}</time>
        </p>
      )}
    </div>
  )
}
