import type { OutgoingCheck, TestRequest } from '../../src/main/mail/test-request.js'
import type { Resolve, TlsTrust } from '../../src/main/mail/protocol-options.js'
import type { SenderCheck } from '../../src/main/mail/smtp-sender-check.js'
import { testServers, type ServerTestHooks, type ServerTestResult } from '../../src/main/mail/test-servers.js'
import { DEFAULT_TIMEOUTS, type Timeouts } from '../../src/main/mail/timeouts.js'
import type { IncomingServer, Server } from '../../src/shared/mail.js'
import type { ProviderId } from '../../src/shared/providers.js'

/** A bed test's shorthand for a TestRequest: one password on both sides, the connection options flat. */
export interface FlatTest {
  email: string
  username?: string
  password: string
  incoming?: IncomingServer
  outgoing?: Server
  senderCheck?: SenderCheck
  timeouts?: Timeouts
  trust: TlsTrust
  providerId?: ProviderId | null
  /** A resolver of the test's own (a dead IPv6 address first); the system's when unset. */
  resolve?: Resolve
}

export function flatRequest(t: FlatTest): TestRequest {
  const login = { username: t.username ?? t.email, password: t.password }
  const outgoing: OutgoingCheck | undefined = t.outgoing
    ? { server: t.outgoing, login, ...(t.senderCheck ? { senderCheck: t.senderCheck } : {}) }
    : undefined
  return { email: t.email, ...(t.incoming ? { incoming: { server: t.incoming, login } } : {}), outgoing }
}

/** testServers on a FlatTest. */
export function runTest(t: FlatTest, hooks?: ServerTestHooks): Promise<ServerTestResult> {
  return testServers(
    flatRequest(t),
    {
      connection: {
        trust: t.trust,
        timeouts: t.timeouts ?? DEFAULT_TIMEOUTS,
        ...(t.resolve ? { resolve: t.resolve } : {}),
      },
      providerId: t.providerId ?? null,
    },
    hooks,
  )
}
