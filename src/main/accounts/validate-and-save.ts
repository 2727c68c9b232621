import type { ValidateResult } from '../../shared/ipc/contract.js'
import type { RoundTripReport, StageEvent, TestReport } from '../../shared/report.js'
import type { Login } from '../credentials/credentials.js'
import type { ConnectionTester } from '../mail/connection-tester.js'
import type { TlsTrust } from '../mail/open-socket.js'
import { roundTrip } from '../mail/round-trip.js'
import { DEFAULT_TIMEOUTS } from '../mail/timeouts.js'
import type { AccountsService, SaveRequest } from './accounts-service.js'

export interface ValidateRequest extends Omit<SaveRequest, 'verifiedAt'> {
  testId: string
  /** The secret to test with: typed now, or the saved one when editing. */
  login: Login
  outgoingLogin?: Login | undefined
  /** Also prove delivery: one message from the address to itself, read back over IMAP. */
  validationMessage: boolean
}

const bothPassed = (r: TestReport): boolean => r.incoming?.ok === true && r.outgoing?.ok === true

/**
 * "Validate and save": a configuration is saved, as verified, only after both servers accepted it
 * (and, when asked, the validation message arrived as sent). Otherwise nothing is saved and the
 * result says why.
 */
export async function validateAndSave(
  deps: {
    accounts: AccountsService
    tester: ConnectionTester
    trust: TlsTrust
    roundTripLimitMs: number
    now?: () => Date
  },
  req: ValidateRequest,
  emit: (e: StageEvent) => void,
): Promise<ValidateResult> {
  const report = await deps.tester.run(
    {
      testId: req.testId,
      email: req.email,
      username: req.login.username,
      password: req.login.password,
      outgoingLogin: req.outgoingLogin,
      incoming: req.incoming,
      outgoing: req.outgoing,
    },
    emit,
  )
  if (!bothPassed(report))
    return { saved: false, report, reason: 'A server did not accept the settings, so nothing was saved.' }
  let trip: RoundTripReport | undefined
  if (req.validationMessage) {
    trip = await deps.tester.guard(req.testId, (signal) =>
      roundTrip({
        signal,
        smtp: req.outgoing,
        smtpLogin: req.outgoingLogin ?? req.login,
        imap: req.incoming,
        imapLogin: req.login,
        from: { name: req.displayName ?? '', address: req.email },
        to: req.email,
        providerId: req.providerId,
        trust: deps.trust,
        timeouts: DEFAULT_TIMEOUTS,
        limitMs: deps.roundTripLimitMs,
      }),
    )
    if (trip.outcome !== 'arrived') {
      return {
        saved: false,
        report,
        roundTrip: trip,
        reason: `The validation message did not prove delivery: ${trip.title}. Nothing was saved.`,
      }
    }
  }
  const { testId: _t, login: _l, outgoingLogin: _o, validationMessage: _v, ...save } = req
  const account = await deps.accounts.save({ ...save, verifiedAt: (deps.now?.() ?? new Date()).toISOString() })
  return { saved: true, report, ...(trip ? { roundTrip: trip } : {}), account }
}
