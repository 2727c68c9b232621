import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { AccountView } from '../../src/shared/account.js'
import type { AliasCheckResult } from '../../src/shared/ipc/contract.js'
import type { StageEvent } from '../../src/shared/report.js'
import type { Result } from '../../src/shared/result.js'
import { App } from '../../src/renderer/src/App.js'
import { installFakeMailkey, pending } from './fake-mailkey.js'
import { account, alias, arrived, passed, rewritten, senderRefused } from './fixtures.js'

/** Checking an alias from its list entry: the test-message choice, the server check live, then each outcome and fix. */

const ADDRESS = 'sales@example.org'
const SEND_AS = 'https://mail.google.com/mail/u/0/#settings/accounts'
const ID = /^[A-Za-z0-9_-]{1,64}$/
const ACCOUNT = account({ aliases: [alias()] })
const ACCEPTED = passed('smtp', 'smtp.gmail.com', 465, true)

async function openCheck(accounts: AccountView[] = [ACCOUNT]) {
  const fake = installFakeMailkey({ accounts })
  const user = userEvent.setup()
  render(<App />)
  const card = await screen.findByRole('listitem', { name: 'alice@gmail.com' })
  const section = within(card).getByRole('region', { name: /^Send-as addresses/ })
  const entry = within(section).getByRole('listitem', { name: `Alice Sales <${ADDRESS}>` })
  const answer = pending<Result<AliasCheckResult>>()
  fake.api.checkAlias.mockReturnValueOnce(answer.promise)
  await user.click(within(entry).getByRole('button', { name: `Check ${ADDRESS}` }))
  const box = within(entry).queryByRole<HTMLInputElement>('checkbox', { name: /^Also send one test message/ })
  const start = async (roundTrip: boolean) => {
    if (box && !box.disabled && box.checked !== roundTrip) await user.click(box)
    await user.click(within(entry).getByRole('button', { name: 'Start the check' }))
    const testId = fake.api.checkAlias.mock.calls[0]?.[0].testId ?? ''
    const emit = (e: Omit<StageEvent, 'testId' | 'side'>) => act(() => fake.emit({ testId, side: 'outgoing', ...e }))
    const finish = (value: Omit<AliasCheckResult, 'account'>) =>
      act(() => answer.resolve({ ok: true, value: { ...value, account: accounts[0] ?? ACCOUNT } }))
    return { testId, emit, finish }
  }
  const states = () =>
    within(within(entry).getByRole('list', { name: 'Sender check stages' }))
      .getAllByRole('listitem')
      .map((r) => r.getAttribute('data-state'))
  return { fake, user, section, entry, box, start, answer, states }
}

describe('before the check', () => {
  it('on Gmail the test message is on by default (the server check alone proves nothing there), focused', async () => {
    const { entry, box } = await openCheck()
    expect(box?.checked).toBe(true)
    expect(document.activeElement).toBe(box)
    expect(box?.labels?.[0]?.textContent).toBe(
      'Also send one test message to alice@gmail.com to prove Gmail keeps this From (recommended for Gmail)',
    )
    expect(entry.textContent).toContain('then stops: nothing is sent')
    expect(entry.textContent).toContain('Gmail accepts any sender at this point')
    expect(entry.textContent).not.toMatch(/level \d|MAIL FROM/i)
  })

  it('elsewhere it stays an opt-in, unticked', async () => {
    const { box } = await openCheck([account({ providerId: null, aliases: [alias()] })])
    expect(box?.checked).toBe(false)
    expect(box?.labels?.[0]?.textContent).toBe(
      'Also send one test message to alice@gmail.com to prove the server keeps this From',
    )
  })

  it('a POP3 account cannot read the message back: only the server check is offered', async () => {
    const { box } = await openCheck([
      account({
        incoming: { protocol: 'pop3', host: 'pop.gmail.com', port: 995, security: 'tls' },
        aliases: [alias()],
      }),
    ])
    expect(box?.disabled).toBe(true)
    expect(document.getElementById(box?.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'this account receives with POP3',
    )
  })
})

describe('level 1 only', () => {
  it('asks main once with the choice; shows the sender check live; then that the server accepts it', async () => {
    const { fake, entry, start, states } = await openCheck()
    const { testId, emit, finish } = await start(false)
    expect(fake.api.checkAlias).toHaveBeenCalledTimes(1)
    expect(fake.api.checkAlias).toHaveBeenCalledWith({ accountId: 'acc1', aliasId: 'al1', testId, roundTrip: false })
    expect(testId).toMatch(ID)
    const heading = within(entry).getByRole('heading', { name: `Checking ${ADDRESS}…` })
    expect(document.activeElement).toBe(heading)
    emit({ stage: 'dns', state: 'done', ms: 2 })
    emit({ stage: 'connect', state: 'running', ms: 0 })
    expect(states().slice(0, 3)).toEqual(['done', 'running', 'pending'])
    expect(within(entry).getByRole('list', { name: 'Sender check stages' }).textContent).toContain(
      'Asking to send from this address',
    )
    expect(within(entry).getByRole('region', { name: /Test message/ }).textContent).toContain('Not asked for')

    await finish({ sender: ACCEPTED })
    // on Gmail an accepted sender alone proves nothing: Gmail rewrites the From later
    expect(document.activeElement).toBe(
      within(entry).getByRole('heading', { name: 'Not proven yet: Gmail accepts any sender here' }),
    )
    expect(states()).toEqual(Array(7).fill('done'))
    const server = within(entry).getByRole('region', { name: /Server check/ })
    expect(server.textContent).toContain('Accepted for now')
    expect(server.textContent).toContain('nothing was sent')
  })

  it('refused at MAIL FROM: the diagnosis in the server’s words, and level 2 not run', async () => {
    const { fake, user, entry, start, section } = await openCheck()
    const { finish } = await start(true)
    await finish({ sender: senderRefused(ADDRESS) })
    expect(document.activeElement).toBe(within(entry).getByRole('heading', { name: 'The server refused this sender' }))
    const diagnosis = within(entry).getByRole('group', { name: 'Gmail will not send from this address' })
    expect(diagnosis.textContent).toContain(`553 5.7.1 <${ADDRESS}>: Sender address rejected: not owned by user`)
    expect(diagnosis.textContent).toContain('Stopped at: Asking to send from this address')
    expect(within(entry).getByRole('region', { name: /Test message/ }).textContent).toContain(
      'Not sent: the server did not accept the sender, so nothing was sent.',
    )
    expect(within(section).getByRole('status').textContent).toBe('The server refused this sender.')
    await user.click(within(diagnosis).getByRole('button', { name: 'Open Gmail settings' }))
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: SEND_AS })
  })

  it('Escape cancels level 1; the cancelled check closes and says so', async () => {
    const { fake, user, entry, start, answer, section } = await openCheck()
    const { testId } = await start(false)
    await user.keyboard('{Escape}')
    expect(fake.api.cancelTest).toHaveBeenCalledWith({ testId })
    expect(within(entry).getByRole('heading', { name: 'Cancelling the check…' })).toBeTruthy()
    await act(() => answer.resolve({ ok: false, error: { code: 'CANCELLED', message: 'The test was cancelled.' } }))
    expect(within(entry).queryByRole('heading', { name: /Check/ })).toBeNull()
    expect(within(section).getByRole('status').textContent).toBe('The check was cancelled.')
  })

  it('a check that could not run says why', async () => {
    const { entry, start, answer } = await openCheck()
    await start(false)
    await act(() =>
      answer.resolve({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'The saved password for this alias is missing from the keychain.' },
      }),
    )
    expect(within(entry).getByRole('heading', { name: 'The check could not run' })).toBeTruthy()
    expect(entry.textContent).toContain('The saved password for this alias is missing from the keychain.')
  })
})

describe('with the round trip', () => {
  it('after level 1, says it is waiting for the message; Gmail’s rewrite is named with its fix', async () => {
    const { fake, user, entry, start, section } = await openCheck()
    const { testId, emit, finish } = await start(true)
    expect(fake.api.checkAlias).toHaveBeenCalledWith({ accountId: 'acc1', aliasId: 'al1', testId, roundTrip: true })
    const level2 = within(entry).getByRole('region', { name: /Test message/ })
    expect(level2.textContent).toContain('Starts once the server accepts the sender.')
    for (const stage of ['dns', 'connect', 'tls', 'greeting', 'auth', 'sender', 'ready'] as const)
      emit({ stage, state: 'done', ms: 3 })
    expect(level2.textContent).toContain('Sending one test message to alice@gmail.com and waiting for it to arrive')
    // the message is on its way and cannot be called back: a cancel now only stops the wait
    expect(within(entry).queryByRole('button', { name: /Cancel check/ })).toBeNull()
    expect(within(entry).getByRole('button', { name: /Stop waiting/ })).toBeTruthy()
    expect(within(section).getByRole('status').textContent).toBe(
      'Sender accepted. Sending one message and waiting for it to arrive.',
    )

    await finish({ sender: ACCEPTED, roundTrip: rewritten(ADDRESS) })
    expect(document.activeElement).toBe(
      within(entry).getByRole('heading', { name: 'Accepted, but the From was rewritten' }),
    )
    const card = within(level2).getByRole('group', {
      name: `Gmail replaced ${ADDRESS} with your account address: add it under “Send mail as”`,
    })
    expect(card.textContent).toContain('Arrived with Fromalice@gmail.com')
    expect(card.textContent).toContain(`Original FromAlice Sales <${ADDRESS}>`)
    expect(card.className).toContain('outcome--problem')
    const gmail = within(level2).getByRole('note', { name: 'Gmail confirms each address itself' })
    expect(gmail.textContent).toContain(`“Gmail Confirmation - Send Mail as ${ADDRESS}”`)
    // one button to Gmail's settings here: the fix
    expect(within(level2).getAllByRole('button', { name: 'Open Gmail’s “Send mail as” settings' })).toHaveLength(1)
    await user.click(within(card).getByRole('button', { name: 'Open Gmail’s “Send mail as” settings' }))
    expect(fake.api.openExternal).toHaveBeenCalledWith({ url: SEND_AS })
  })

  it('Escape during the round trip stops the wait and says the message may still arrive', async () => {
    const { fake, user, entry, start, answer, section } = await openCheck()
    const { testId, emit } = await start(true)
    for (const stage of ['dns', 'connect', 'tls', 'greeting', 'auth', 'sender', 'ready'] as const)
      emit({ stage, state: 'done', ms: 3 })
    await user.keyboard('{Escape}')
    expect(fake.api.cancelTest).toHaveBeenCalledWith({ testId })
    await act(() => answer.resolve({ ok: false, error: { code: 'CANCELLED', message: 'The test was cancelled.' } }))
    expect(within(entry).queryByRole('heading', { name: /Check/ })).toBeNull()
    expect(within(section).getByRole('status').textContent).toBe(
      'Stopped waiting. The test message was sent and may still arrive; you can delete it.',
    )
  })

  it('arrived as sent: both levels pass; "Check again" returns to the choice as made', async () => {
    const { user, entry, start } = await openCheck()
    const { finish } = await start(true)
    await finish({ sender: ACCEPTED, roundTrip: arrived(ADDRESS) })
    expect(within(entry).getByRole('heading', { name: `${ADDRESS} works: accepted and arrived as sent` })).toBeTruthy()
    const card = within(entry).getByRole('group', { name: `A message from ${ADDRESS} arrived as sent` })
    expect(card.className).toContain('outcome--ok')
    expect(within(entry).queryByRole('note')).toBeNull()
    await user.click(within(entry).getByRole('button', { name: 'Check again' }))
    expect(within(entry).getByRole<HTMLInputElement>('checkbox', { name: /^Also send one test message/ }).checked).toBe(
      true,
    )
  })

  it('a fix for an alias’s own server is advice: its login is not the account’s', async () => {
    const own = alias({ smtp: { host: 'smtp.other.example', port: 587, security: 'starttls' }, smtpUsername: 'o' })
    const { entry, start } = await openCheck([account({ aliases: [own] })])
    const { finish } = await start(false)
    await finish({
      sender: {
        ...senderRefused(ADDRESS),
        cause: 'invalid_credentials',
        title: 'The server did not accept this password',
        fix: { kind: 'replace-password', label: 'Enter the alias’s password again' },
      },
    })
    expect(within(entry).queryByRole('button', { name: 'Enter the alias’s password again' })).toBeNull()
    expect(within(entry).getByText('Enter the alias’s password again')).toBeTruthy()
  })
})
