import type { AccountView, SecretPresence } from '../../../shared/account.js'
import type { Side } from '../../../shared/mail.js'
import { oauthProviderName } from '../../../shared/oauth-kinds.js'
import { PROTOCOL_LABEL, SECURITY_LABEL } from '../lib/labels.js'
import { OfficeRows } from './OfficeDetails.js'
import { serverStatus } from './stale-words.js'

function Status({ account, side }: { account: AccountView; side: Side }) {
  const { text, tone } = serverStatus(account, side)
  return <span className={`server-status server-status--${tone}`}>{text}</span>
}

function secretText(secrets: SecretPresence): string {
  const incoming = secrets.incoming ? 'Saved in your keychain' : 'Missing from your keychain'
  switch (secrets.outgoing) {
    case 'shared':
      return `${incoming}; used for incoming and outgoing mail`
    case 'own':
      return `${incoming}; outgoing mail has its own, also saved`
    case 'missing':
      return `${incoming}; outgoing mail’s own password is missing`
  }
}

/** The servers of a saved account, how each stands, and which secrets the keychain holds. */
export function AccountDetails({ account }: { account: AccountView }) {
  const { incoming, outgoing, secrets } = account
  const secretsOk = secrets.incoming && secrets.outgoing !== 'missing'
  return (
    <dl className="summary-list">
      <div className="summary-row">
        <dt>Incoming</dt>
        <dd>
          <span className="badge">{PROTOCOL_LABEL[incoming.protocol]}</span>{' '}
          <span className="mono">{incoming.host}</span> port {incoming.port}, {SECURITY_LABEL[incoming.security]}{' '}
          <Status account={account} side="incoming" />
        </dd>
      </div>
      <div className="summary-row">
        <dt>Outgoing</dt>
        <dd>
          <span className="badge">SMTP</span> <span className="mono">{outgoing.host}</span> port {outgoing.port},{' '}
          {SECURITY_LABEL[outgoing.security]} <Status account={account} side="outgoing" />
        </dd>
      </div>
      <div className="summary-row">
        <dt>Sign in as</dt>
        <dd className="mono">
          {account.username}
          {account.outgoingUsername ? ` (sending: ${account.outgoingUsername})` : ''}
        </dd>
      </div>
      {account.oauth ? (
        <div className="summary-row">
          <dt>Sign-in</dt>
          <dd className={secrets.incoming ? undefined : 'secret-missing'}>
            OAuth with {oauthProviderName(account.oauth)};{' '}
            {secrets.incoming ? 'saved in your keychain' : 'not signed in on this computer'}
          </dd>
        </div>
      ) : (
        <div className="summary-row">
          <dt>Password</dt>
          <dd className={secretsOk ? undefined : 'secret-missing'}>{secretText(secrets)}</dd>
        </div>
      )}
      <OfficeRows account={account} />
    </dl>
  )
}
