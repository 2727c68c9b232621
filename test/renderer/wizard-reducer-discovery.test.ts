import { describe, expect, it } from 'vitest'
import { wizardReducer } from '../../src/renderer/src/wizard/wizard-reducer.js'
import { serversState, type At } from '../../src/renderer/src/wizard/wizard-state.js'
import type { FoundServer } from '../../src/shared/discovery.js'
import type { IncomingServer } from '../../src/shared/mail.js'
import { address, found } from './reducer-table.js'
import { GMAIL_DETECTED, gmailSetup } from './fixtures.js'

const AWAY: FoundServer<IncomingServer> = {
  server: { protocol: 'imap', host: 'imap.hoster.example', port: 993, security: 'tls' },
  username: 'alice',
  source: 'srv',
  trusted: false,
  caution: 'imap.hoster.example is not part of gmail.com',
  via: 'SRV _imaps._tcp.gmail.com',
}

function servers(): At<'servers'> {
  const setup = gmailSetup()
  return serversState({
    ...setup,
    detected: { ...GMAIL_DETECTED, found: { incoming: [AWAY], outgoing: [] } },
  })
}

describe('wizard reducer: discovery', () => {
  it('choosing another incoming server takes its settings and its source’s user name', () => {
    const next = wizardReducer(servers(), {
      type: 'alternativeChosen',
      side: 'incoming',
      server: AWAY.server,
      username: 'alice',
    })
    expect(next).toMatchObject({
      step: 'servers',
      setup: { incoming: { host: 'imap.hoster.example', port: '993' }, username: 'alice' },
    })
  })

  it('choosing another outgoing server keeps the user name', () => {
    const state = servers()
    const next = wizardReducer(state, {
      type: 'alternativeChosen',
      side: 'outgoing',
      server: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
      username: 'other',
    })
    expect(next).toMatchObject({
      setup: { outgoing: { port: '587', security: 'starttls' }, username: state.setup.username },
    })
  })

  it('a test waits for the user to confirm a host discovery could not vouch for', () => {
    const chosen = wizardReducer(servers(), {
      type: 'alternativeChosen',
      side: 'incoming',
      server: AWAY.server,
      username: 'alice',
    })
    const refused = wizardReducer(chosen, { type: 'testRequested', testId: 't1' })
    expect(refused).toMatchObject({ step: 'servers', notice: expect.stringMatching(/Confirm imap\.hoster\.example/) })
    const confirmed = wizardReducer(refused, { type: 'hostConfirmed', host: 'IMAP.hoster.example' })
    expect(wizardReducer(confirmed, { type: 'testRequested', testId: 't2' })).toMatchObject({ step: 'test' })
  })

  it('nothing found: the password step opens the fields', () => {
    const nothing = {
      ...GMAIL_DETECTED,
      provider: null,
      incoming: null,
      outgoing: null,
      incomingAlternatives: [],
      outgoingAlternatives: [],
    }
    let state = wizardReducer(address('ann@office.example', { detection: found('ann@office.example', nothing) }), {
      type: 'addressSubmitted',
    })
    state = wizardReducer(state, { type: 'passwordChanged', raw: 'secret', pasted: false })
    expect(wizardReducer(state, { type: 'passwordSubmitted' })).toMatchObject({ step: 'servers', editing: true })
  })

  it('plain HTTP allowed: the lookup runs again', () => {
    const state = address('ann@office.example', { detection: found('ann@office.example') })
    expect(wizardReducer(state, { type: 'plainHttpAllowed' })).toMatchObject({
      allowHttp: true,
      detection: { status: 'idle' },
    })
  })
})
