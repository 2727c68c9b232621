import { PROTOCOL_LABEL, SECURITY_LABEL, SIDE_LABEL, SOURCE_LABEL } from '../lib/labels.js'
import type { Setup } from './setup.js'

/** The servers in one glance: what will be tested, and where the settings came from. */
export function ServerSummary({ setup }: { setup: Setup }) {
  const { incoming, outgoing } = setup
  return (
    <div className="summary">
      <dl className="summary-list">
        <div className="summary-row">
          <dt>{SIDE_LABEL.incoming}</dt>
          <dd>
            <span className="badge">{PROTOCOL_LABEL[incoming.protocol]}</span>{' '}
            <span className="mono">{incoming.host || '—'}</span> port {incoming.port || '—'},{' '}
            {SECURITY_LABEL[incoming.security]}
          </dd>
        </div>
        <div className="summary-row">
          <dt>{SIDE_LABEL.outgoing}</dt>
          <dd>
            <span className="badge">SMTP</span> <span className="mono">{outgoing.host || '—'}</span> port{' '}
            {outgoing.port || '—'}, {SECURITY_LABEL[outgoing.security]}
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
      <p className="summary-source">
        {setup.detected.provider ? `${setup.detected.provider.name}: ` : ''}
        {setup.accountId !== undefined
          ? 'The settings this account was saved with'
          : SOURCE_LABEL[setup.detected.source]}
      </p>
    </div>
  )
}
