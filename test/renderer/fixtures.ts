import type { AccountView, Alias } from '../../src/shared/account.js'
import type { DetectedSettings } from '../../src/shared/ipc/contract.js'
import type { ProbeReport, RoundTripReport, TestReport } from '../../src/shared/report.js'
import { plannedStages } from '../../src/shared/mail.js'
import { providerById } from '../../src/shared/providers.js'
import { setupFromDetection, type Setup } from '../../src/renderer/src/wizard/setup.js'

/** Detection results as main returns them, for the providers the tests need. */
export const GMAIL_DETECTED: DetectedSettings = {
  provider: providerById('gmail'),
  source: 'preset',
  incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
  incomingAlternatives: [{ protocol: 'pop3', host: 'pop.gmail.com', port: 995, security: 'tls' }],
  outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
  outgoingAlternatives: [{ host: 'smtp.gmail.com', port: 587, security: 'starttls' }],
  username: 'alice@gmail.com',
}

export const CUSTOM_DETECTED: DetectedSettings = {
  provider: null,
  source: 'guess',
  incoming: { protocol: 'imap', host: 'imap.example.org', port: 993, security: 'tls' },
  incomingAlternatives: [{ protocol: 'pop3', host: 'pop.example.org', port: 995, security: 'tls' }],
  outgoing: { host: 'smtp.example.org', port: 465, security: 'tls' },
  outgoingAlternatives: [{ host: 'smtp.example.org', port: 587, security: 'starttls' }],
  username: 'bob@example.org',
}

export const OUTLOOK_DETECTED: DetectedSettings = {
  provider: providerById('outlook'),
  source: 'preset',
  incoming: { protocol: 'imap', host: 'outlook.office365.com', port: 993, security: 'tls' },
  incomingAlternatives: [],
  outgoing: { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
  outgoingAlternatives: [],
  username: 'carol@outlook.com',
}

export const APP_PASSWORD = 'abcdefghijklmnop'

export function gmailSetup(overrides: Partial<Setup> = {}): Setup {
  return {
    ...setupFromDetection('alice@gmail.com', 'Alice', GMAIL_DETECTED, null),
    password: APP_PASSWORD,
    ...overrides,
  }
}

export function customSetup(overrides: Partial<Setup> = {}): Setup {
  return {
    ...setupFromDetection('bob@example.org', '', CUSTOM_DETECTED, null),
    password: 'correct horse',
    ...overrides,
  }
}

export function passed(
  protocol: ProbeReport['protocol'],
  host: string,
  port: number,
  senderCheck = false,
): ProbeReport {
  const security = port === 587 ? 'starttls' : 'tls'
  const stages = plannedStages(security, { senderCheck })
  return {
    protocol,
    host,
    port,
    security,
    ok: true,
    ms: 120,
    stages: stages.map((stage, i) => ({ stage, ms: 10 + i })),
  }
}

export const BOTH_PASSED: TestReport = {
  incoming: passed('imap', 'imap.gmail.com', 993),
  outgoing: passed('smtp', 'smtp.gmail.com', 465),
  ms: 130,
}

/** Gmail's answer to a wrong password on the outgoing side, as main diagnoses it. */
export function outgoingFailed(fix: ProbeReport['fix'], extra: Partial<ProbeReport> = {}): TestReport {
  return {
    incoming: passed('imap', 'imap.gmail.com', 993),
    outgoing: {
      protocol: 'smtp',
      host: 'smtp.gmail.com',
      port: 465,
      security: 'tls',
      ok: false,
      ms: 80,
      stages: [
        { stage: 'dns', ms: 3 },
        { stage: 'connect', ms: 10 },
        { stage: 'tls', ms: 20 },
        { stage: 'greeting', ms: 5 },
        { stage: 'auth', ms: 40 },
      ],
      failedStage: 'auth',
      cause: 'invalid_credentials',
      title: 'Google did not accept this password',
      explanation: 'Gmail needs an app password here, not your Google password.',
      serverText: '535-5.7.8 Username and Password not accepted.',
      ...(fix ? { fix } : {}),
      ...extra,
    },
    ms: 90,
  }
}

export function account(overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: 'acc1',
    email: 'alice@gmail.com',
    displayName: '',
    username: 'alice@gmail.com',
    providerId: 'gmail',
    incoming: { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
    outgoing: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    outgoingUsername: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    lastVerifiedAt: '2025-03-01T10:00:05.000Z',
    stale: null,
    aliases: [],
    filter: null,
    oauth: null,
    replyTo: null,
    outgoingFallbacks: [],
    connection: { proxy: null, minTls: [], pins: [], cas: [] },
    secrets: { incoming: true, outgoing: 'shared' },
    ...overrides,
  }
}

export function alias(overrides: Partial<Alias> = {}): Alias {
  return {
    id: 'al1',
    name: 'Alice Sales',
    address: 'sales@example.org',
    replyTo: null,
    treatAsAlias: true,
    smtp: null,
    smtpUsername: null,
    isDefault: false,
    lastCheck: null,
    ...overrides,
  }
}

/** Level 1 refused the way Postfix and the bed do (553 at MAIL FROM). */
export function senderRefused(address: string): ProbeReport {
  return {
    protocol: 'smtp',
    host: 'smtp.gmail.com',
    port: 465,
    security: 'tls',
    ok: false,
    ms: 60,
    stages: [
      { stage: 'dns', ms: 1 },
      { stage: 'connect', ms: 5 },
      { stage: 'tls', ms: 10 },
      { stage: 'greeting', ms: 3 },
      { stage: 'auth', ms: 20 },
      { stage: 'sender', ms: 4 },
    ],
    failedStage: 'sender',
    cause: 'sender_not_allowed',
    title: 'Gmail will not send from this address',
    explanation: 'Gmail only sends from addresses you have added under Settings → Accounts → “Send mail as”.',
    serverText: `553 5.7.1 <${address}>: Sender address rejected: not owned by user alice@gmail.com`,
    fix: { kind: 'open-url', url: 'https://mail.google.com/mail/u/0/#settings/accounts', label: 'Open Gmail settings' },
  }
}

/** Gmail's silent rewrite, as main's round trip reports it. */
export function rewritten(address: string, name = 'Alice Sales'): RoundTripReport {
  return {
    outcome: 'rewritten',
    ms: 1800,
    messageId: '<x@mailkey>',
    receivedFrom: 'alice@gmail.com',
    originalFrom: `${name} <${address}>`,
    cause: 'sender_not_allowed',
    title: `Gmail replaced ${address} with your account address: add it under “Send mail as”`,
    explanation: `The message arrived from alice@gmail.com. In Gmail open Settings → Accounts → “Send mail as”, add ${address}, then open the confirmation message Google sends to that address.`,
    fix: {
      kind: 'open-url',
      url: 'https://mail.google.com/mail/u/0/#settings/accounts',
      label: 'Open Gmail’s “Send mail as” settings',
    },
  }
}

export function arrived(address: string, to = 'alice@gmail.com'): RoundTripReport {
  return {
    outcome: 'arrived',
    ms: 900,
    messageId: '<y@mailkey>',
    receivedFrom: address,
    title: `A message from ${address} arrived as sent`,
    explanation: `It reached ${to} in 0.9 s with its From unchanged.`,
  }
}
