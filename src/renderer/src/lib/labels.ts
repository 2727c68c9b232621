import type { DetectedSettings } from '../../../shared/ipc/contract.js'
import type { Protocol, Security, Side, Stage } from '../../../shared/mail.js'

/** Names people see; the wire names (tls, starttls, auth...) stay in code. */
export const SECURITY_LABEL: Record<Security, string> = {
  tls: 'SSL/TLS',
  starttls: 'STARTTLS',
  none: 'No encryption',
}

export const PROTOCOL_LABEL: Record<Protocol, string> = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' }

export const SIDE_LABEL: Record<Side, string> = { incoming: 'Incoming mail', outgoing: 'Outgoing mail' }

export const STAGE_LABEL: Record<Stage, string> = {
  authorizing: 'Authorizing (getting a sign-in token)',
  dns: 'Finding the server',
  connect: 'Connecting',
  tls: 'Encrypting the connection',
  greeting: 'Waiting for the server to answer',
  starttls: 'Switching on encryption (STARTTLS)',
  auth: 'Signing in',
  sender: 'Checking the sender address',
  ready: 'Ready to use',
}

export const SOURCE_LABEL: Record<DetectedSettings['source'], string> = {
  saved: 'The settings of an account you saved at this domain',
  preset: 'Settings from Mailkey’s list of providers',
  autoconfig: 'Published by your domain',
  'well-known': 'Published by your domain',
  ispdb: 'From Thunderbird’s provider database',
  mx: 'Found from your domain’s mail servers (MX records)',
  srv: 'From DNS (SRV records)',
  guess: 'Guessed: the server answered',
}
