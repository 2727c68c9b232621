import type { Dispatch } from 'react'
import type { FoundServer } from '../../../shared/discovery.js'
import type { IncomingServer, Server, Side } from '../../../shared/mail.js'
import { foundFor, sourceWords } from '../lib/discovery-words.js'
import { PROTOCOL_LABEL, SECURITY_LABEL, SIDE_LABEL } from '../lib/labels.js'
import { parseIncoming, parseServer } from '../lib/server-draft.js'
import type { Setup } from './setup.js'
import type { WizardAction } from './wizard-state.js'

type Any = FoundServer<IncomingServer> | FoundServer<Server>

function Choice({
  side,
  found,
  setup,
  dispatch,
}: {
  side: Side
  found: Any
  setup: Setup
  dispatch: Dispatch<WizardAction>
}) {
  const s = found.server
  const protocol = 'protocol' in s ? PROTOCOL_LABEL[s.protocol] : 'SMTP'
  return (
    <li className="choice">
      <button
        type="button"
        className="button button--quiet"
        onClick={() => dispatch({ type: 'alternativeChosen', side, server: s, username: found.username })}
      >
        Use {protocol} <span className="mono">{s.host}</span> port {s.port}, {SECURITY_LABEL[s.security]}
      </button>
      <span className="choice-source">
        {sourceWords(found.source, setup.detected)}
        {found.trusted ? '' : ' · needs your confirmation'}
      </span>
    </li>
  )
}

/** The other servers discovery found, one click each (the editor below changes anything by hand). */
export function ServerChoices({ setup, dispatch }: { setup: Setup; dispatch: Dispatch<WizardAction> }) {
  const found = setup.detected.found
  if (!found || setup.accountId !== undefined) return null
  const inc = parseIncoming(setup.incoming)
  const out = parseServer(setup.outgoing)
  const current = {
    incoming: foundFor(found.incoming, inc.ok ? inc.server : null),
    outgoing: foundFor(found.outgoing, out.ok ? out.server : null),
  }
  const others = {
    incoming: found.incoming.filter((f) => f !== current.incoming),
    outgoing: found.outgoing.filter((f) => f !== current.outgoing),
  }
  if (others.incoming.length === 0 && others.outgoing.length === 0) return null
  return (
    <section className="choices" aria-labelledby="choices-heading">
      <h3 id="choices-heading">Other servers Mailkey found</h3>
      {(['incoming', 'outgoing'] as const).map((side) =>
        others[side].length === 0 ? null : (
          <div key={side}>
            <p className="choices-side">{SIDE_LABEL[side]}</p>
            <ul className="choice-list" aria-label={`Other ${SIDE_LABEL[side].toLowerCase()} servers`}>
              {others[side].map((f) => (
                <Choice
                  key={`${f.server.host}:${f.server.port}:${f.server.security}:${'protocol' in f.server ? f.server.protocol : ''}`}
                  side={side}
                  found={f}
                  setup={setup}
                  dispatch={dispatch}
                />
              ))}
            </ul>
          </div>
        ),
      )}
    </section>
  )
}
