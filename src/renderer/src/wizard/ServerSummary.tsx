import type { FoundServer, Lookup } from '../../../shared/discovery.js'
import type { IncomingServer, Server } from '../../../shared/mail.js'
import { foundFor, LOOKUP_LABEL, OUTCOME_LABEL, signInWords, sourceWords } from '../lib/discovery-words.js'
import { PROTOCOL_LABEL, SECURITY_LABEL, SIDE_LABEL, SOURCE_LABEL } from '../lib/labels.js'
import { parseIncoming, parseServer } from '../lib/server-draft.js'
import type { Setup } from './setup.js'

/** Where this server's settings came from, in words; "Entered by you" once changed. */
function Origin<S extends Server | IncomingServer>({
  setup,
  list,
  server,
}: {
  setup: Setup
  list: readonly FoundServer<S>[] | undefined
  server: S | null
}) {
  if (setup.accountId !== undefined || !list) return null
  const found = foundFor(list, server)
  return <span className="summary-origin">{found ? sourceWords(found.source, setup.detected) : 'Entered by you'}</span>
}

/** Every lookup discovery made, how it ended and how long it took: what "where from" rests on. */
function LookupDetails({ lookups, ms }: { lookups: readonly Lookup[]; ms: number | undefined }) {
  return (
    <details className="lookup-details">
      <summary>How Mailkey found these{ms !== undefined ? ` (${ms} ms)` : ''}</summary>
      <ul>
        {lookups.map((l) => (
          <li key={l.source}>
            {LOOKUP_LABEL[l.source]}: {OUTCOME_LABEL[l.outcome]}
            {l.outcome === 'skipped' ? '' : ` · ${l.ms} ms`}
            {l.detail ? <span className="lookup-detail"> ({l.detail})</span> : null}
          </li>
        ))}
      </ul>
    </details>
  )
}

/** The servers in one glance: what will be tested, and where each setting came from. */
export function ServerSummary({ setup }: { setup: Setup }) {
  const { incoming, outgoing, detected } = setup
  const parsedIncoming = parseIncoming(incoming)
  const parsedOutgoing = parseServer(outgoing)
  const signIn = setup.accountId === undefined ? signInWords(detected) : null
  return (
    <div className="summary">
      <dl className="summary-list">
        <div className="summary-row">
          <dt>{SIDE_LABEL.incoming}</dt>
          <dd>
            <span className="badge">{PROTOCOL_LABEL[incoming.protocol]}</span>{' '}
            <span className="mono">{incoming.host || '—'}</span> port {incoming.port || '—'},{' '}
            {SECURITY_LABEL[incoming.security]}
            <Origin
              setup={setup}
              list={detected.found?.incoming}
              server={parsedIncoming.ok ? parsedIncoming.server : null}
            />
          </dd>
        </div>
        <div className="summary-row">
          <dt>{SIDE_LABEL.outgoing}</dt>
          <dd>
            <span className="badge">SMTP</span> <span className="mono">{outgoing.host || '—'}</span> port{' '}
            {outgoing.port || '—'}, {SECURITY_LABEL[outgoing.security]}
            <Origin
              setup={setup}
              list={detected.found?.outgoing}
              server={parsedOutgoing.ok ? parsedOutgoing.server : null}
            />
          </dd>
        </div>
        <div className="summary-row">
          <dt>Sign in as</dt>
          <dd className="mono">
            {setup.username}
            {setup.outgoingLogin ? ` (sending: ${setup.outgoingLogin.username || '—'})` : ''}
          </dd>
        </div>
      </dl>
      {setup.accountId === undefined && detected.lookups ? (
        <LookupDetails lookups={detected.lookups} ms={detected.ms} />
      ) : (
        <p className="summary-source">
          {detected.provider ? `${detected.provider.name}: ` : ''}
          {setup.accountId !== undefined ? 'The settings this account was saved with' : SOURCE_LABEL[detected.source]}
        </p>
      )}
      {signIn && <p className="summary-source">{signIn}</p>}
    </div>
  )
}
