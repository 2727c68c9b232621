import type { IncomingServer, Server } from '../../../shared/mail.js'
import { STANDARD_PORTS, type TlsMode } from '../../../shared/ports.js'
import { probeGuess, type GuessTarget } from '../guess-probe.js'
import { LookupError } from '../lookup-error.js'
import { runByPriority } from '../priority-runner.js'
import { shownName } from '../shown-domain.js'
import type { Candidate, Source, SourceContext } from '../types.js'

/** Between the starts of two probes of one side (Thunderbird staggers its guesses by 100 ms too). */
export const GUESS_STAGGER_MS = 100

const MODES: readonly TlsMode[] = ['tls', 'starttls']

/** Implicit TLS on every name before STARTTLS on any (RFC 8314 §3), names in the usual order. */
function targets(ctx: SourceContext, protocol: 'imap' | 'smtp', hosts: readonly string[]): GuessTarget[] {
  return MODES.flatMap((security) =>
    hosts.map((host) => ({
      protocol,
      host,
      security,
      port: ctx.net.ports.mail?.[protocol]?.[security] ?? STANDARD_PORTS[protocol][security],
    })),
  )
}

interface SideResult {
  answered: { target: GuessTarget; note: string }[]
  /** Every probe ran out of time (a black hole, not a refusal). */
  timedOut: boolean
}

async function side(ctx: SourceContext, list: GuessTarget[]): Promise<SideResult> {
  const run = await runByPriority(
    list.map((target, i) => ({
      delayMs: i * GUESS_STAGGER_MS,
      run: async (signal: AbortSignal) => ({ target, note: await probeGuess(target, ctx.net, signal) }),
    })),
    { deadlineMs: Math.max(0, ctx.deadline - Date.now()), signal: ctx.signal },
  )
  // the winner first, then whatever else answered before the run ended
  const found = run.settled.filter((s) => s.outcome === 'found' && s.value).map((s) => s.value!)
  const answered = run.winner ? [run.winner.value, ...found.filter((a) => a !== run.winner?.value)] : found
  return { answered, timedOut: run.settled.every((s) => s.outcome === 'timeout') }
}

/**
 * Guessing, last: `imap.`, `mail.` and the bare domain for incoming, `smtp.` and `mail.` for outgoing,
 * on the standard ports, probed in parallel with staggered starts; implicit TLS is preferred, then
 * STARTTLS. An address literal (`user@[192.0.2.1]`) is guessed at that address only.
 */
export const guessSource: Source = {
  id: 'guess',
  async run(ctx) {
    const { domain, literal } = ctx.address
    const incomingHosts = literal ? [literal] : [`imap.${domain}`, `mail.${domain}`, domain]
    const outgoingHosts = literal ? [literal] : [`smtp.${domain}`, `mail.${domain}`]
    const [inc, out] = await Promise.all([
      side(ctx, targets(ctx, 'imap', incomingHosts)),
      side(ctx, targets(ctx, 'smtp', outgoingHosts)),
    ])
    const username = ctx.address.address
    const incoming: Candidate<IncomingServer>[] = inc.answered.map(({ target, note }) => ({
      server: { protocol: 'imap', host: target.host, port: target.port, security: target.security },
      username,
      via: `${target.host} ${note}`,
    }))
    const outgoing: Candidate<Server>[] = out.answered.map(({ target, note }) => ({
      server: { host: target.host, port: target.port, security: target.security },
      username,
      via: `${target.host} ${note}`,
    }))
    if (incoming.length === 0 && outgoing.length === 0) {
      throw new LookupError(
        inc.timedOut && out.timedOut ? 'timeout' : 'nothing',
        `no mail server answered at ${[...new Set([...incomingHosts, ...outgoingHosts])].map(shownName).join(', ')}`,
      )
    }
    return { incoming, outgoing, detail: [...incoming, ...outgoing].map((c) => c.via).join('; ') }
  },
}
